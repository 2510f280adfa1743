"""Render every guide and FAQ again with the current Markdown pipeline (table boxes,
checklists, plain-text table of contents): the stored HTML is only rebuilt on save."""

from django.db import migrations


def rerender(apps, schema_editor):
    from guides.markdown import reading_minutes, render

    Guide = apps.get_model("guides", "Guide")
    FAQ = apps.get_model("guides", "FAQ")
    for guide in Guide.objects.all():
        rendered = render(guide.body)
        guide.body_html, guide.toc = rendered.html, rendered.toc
        guide.reading_minutes = reading_minutes(guide.body)
        guide.save(update_fields=["body_html", "toc", "reading_minutes"])
    for faq in FAQ.objects.all():
        faq.answer_html = render(faq.answer).html
        faq.save(update_fields=["answer_html"])


class Migration(migrations.Migration):
    dependencies = [("guides", "0001_initial")]
    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
