"""Certification facts the site used to read from prose become fields: the tiers it suits
(from a JSON list), the fewest years of experience asked, no formal prerequisite, lifetime.
The loader fills the new facts from the content files; the tiers are carried over here."""

from django.db import migrations, models

TIERS = ("entry", "mid", "senior", "executive")


def tiers_to_flags(apps, schema_editor):
    Certification = apps.get_model("certifications", "Certification")
    for cert in Certification.objects.all():
        for tier in TIERS:
            setattr(cert, f"suits_{tier}", tier in (cert.tiers or []))
        cert.save(update_fields=[f"suits_{tier}" for tier in TIERS])


def flags_to_tiers(apps, schema_editor):
    Certification = apps.get_model("certifications", "Certification")
    for cert in Certification.objects.all():
        cert.tiers = [tier for tier in TIERS if getattr(cert, f"suits_{tier}")]
        cert.save(update_fields=["tiers"])


class Migration(migrations.Migration):

    dependencies = [
        ('certifications', '0001_initial'),
        ('roles', '0002_constraints_carry_their_messages'),
    ]

    operations = [
        migrations.AddField(
            model_name='certification',
            name='lifetime',
            field=models.BooleanField(default=False, help_text='It never expires and needs no renewal.', verbose_name='lifetime credential'),
        ),
        migrations.AddField(
            model_name='certification',
            name='min_experience_years',
            field=models.PositiveSmallIntegerField(blank=True, help_text="The fewest years of work experience any route to the exam asks for: 0 when none is asked; empty when the issuer's rule cannot be reduced to a number.", null=True, verbose_name='fewest years of experience asked'),
        ),
        migrations.AddField(
            model_name='certification',
            name='no_prerequisite',
            field=models.BooleanField(default=False, help_text='Anyone may sit the exam: no education, training or experience is asked.', verbose_name='no formal prerequisite'),
        ),
        migrations.AddField(
            model_name='certification',
            name='suits_entry',
            field=models.BooleanField(default=False, verbose_name='suits entry roles'),
        ),
        migrations.AddField(
            model_name='certification',
            name='suits_executive',
            field=models.BooleanField(default=False, verbose_name='suits executive roles'),
        ),
        migrations.AddField(
            model_name='certification',
            name='suits_mid',
            field=models.BooleanField(default=False, verbose_name='suits mid-level roles'),
        ),
        migrations.AddField(
            model_name='certification',
            name='suits_senior',
            field=models.BooleanField(default=False, verbose_name='suits senior roles'),
        ),
        migrations.AlterField(
            model_name='certification',
            name='validity_years',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Empty for a lifetime credential or an unknown period.', null=True),
        ),
        migrations.RunPython(tiers_to_flags, flags_to_tiers),
        migrations.RemoveField(
            model_name='certification',
            name='tiers',
        ),
        migrations.AddConstraint(
            model_name='certification',
            constraint=models.CheckConstraint(condition=models.Q(('suits_entry', True), ('suits_mid', True), ('suits_senior', True), ('suits_executive', True), _connector='OR'), name='cert_suits_a_tier', violation_error_message='Tick at least one tier it suits.'),
        ),
        migrations.AddConstraint(
            model_name='certification',
            constraint=models.CheckConstraint(condition=models.Q(('lifetime', False), ('validity_years__isnull', True), _connector='OR'), name='cert_lifetime_has_no_validity', violation_error_message='A lifetime credential has no validity period.'),
        ),
        migrations.AddConstraint(
            model_name='certification',
            constraint=models.CheckConstraint(condition=models.Q(('no_prerequisite', False), ('min_experience_years', 0), _connector='OR'), name='cert_no_prerequisite_asks_no_experience', violation_error_message='With no formal prerequisite, the experience asked is 0.'),
        ),
    ]
