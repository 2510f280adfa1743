"""Guides and FAQs in the admin: Markdown with a live preview, drafts, publishing, FAQ order."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from common.admin import ModelAdmin
from common.forms import ContentForm

from .content import FAQRecord, GuideRecord
from .markdown import (
    MAX_FAQ_ANSWER,
    MAX_GUIDE_BODY,
    MAX_MARKDOWN,
    MarkdownRefused,
    check_renderable,
)
from .markdown import render as render_markdown
from .models import FAQ, Guide
from .services import content_set_published, faq_move


class MarkdownPreviewWidget(forms.Textarea):
    """A Markdown textarea with the rendered page beside it, refreshed by htmx as you type.

    The preview is rendered by the admin's preview endpoint with the same `render()` (and the
    same sanitising) as the public page.
    """

    class Media:
        css = {"all": ["admin-extra/markdown-preview.css"]}

    def __init__(self, preview_url: str, max_length: int = MAX_MARKDOWN, attrs=None):
        attrs = {"rows": 30, "class": "vLargeTextField markdown-source", **(attrs or {})}
        super().__init__(attrs=attrs)
        self.preview_url = preview_url
        self.max_length = max_length

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        field_id = attrs.get("id") or f"id_{name}"
        preview_id = f"{field_id}_preview"
        attrs.update(
            {
                "hx-post": self.preview_url,
                "hx-trigger": "input changed delay:400ms",
                "hx-target": f"#{preview_id}",
                "hx-swap": "innerHTML",
                # Only this field and the CSRF token, not the whole admin form.
                "hx-params": f"{name},csrfmiddlewaretoken",
            }
        )
        textarea = super().render(name, value, attrs, renderer)
        return render_to_string(
            "admin/widgets/markdown_preview.html",
            {
                "textarea": textarea,
                "preview_id": preview_id,
                "preview": rendered_preview(value or "", self.max_length),
            },
        )


def rendered_preview(text: str, max_length: int = MAX_MARKDOWN) -> str:
    try:
        check_renderable(text, max_length=max_length)
        html = render_markdown(text).html
    except MarkdownRefused as refused:
        # Shown in the preview box; saving the form gives the same message as a field error.
        return format_html('<p class="markdown-preview-refused">{}</p>', str(refused))
    return html or '<p class="markdown-preview-empty">Nothing to preview yet.</p>'


class MarkdownPreviewAdmin(ModelAdmin):
    """A ModelAdmin whose Markdown field gets the live preview and its endpoint."""

    markdown_field: str
    markdown_max_length: int

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "preview/",
                self.admin_site.admin_view(self.markdown_preview_view),
                name=f"{opts.app_label}_{opts.model_name}_markdown_preview",
            ),
            *super().get_urls(),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == self.markdown_field:
            opts = self.opts
            kwargs["widget"] = MarkdownPreviewWidget(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_markdown_preview",
                    current_app=self.admin_site.name,
                ),
                self.markdown_max_length,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @method_decorator(require_POST)
    def markdown_preview_view(self, request):
        """The HTML fragment the preview box shows: the field's text, rendered as on the site."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get(self.markdown_field, "")
        return HttpResponse(
            rendered_preview(text, self.markdown_max_length),
            content_type="text/html; charset=utf-8",
        )

    @admin.action(description="Publish selected", permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description="Unpublish selected (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, published: bool) -> None:
        changed = content_set_published(objects=queryset, published=published)
        for obj in changed:
            self.log_change(request, obj, "Published." if published else "Unpublished.")
        state = "published" if published else "back to draft"
        noun = self.opts.verbose_name if len(changed) == 1 else self.opts.verbose_name_plural
        self.message_user(request, f"{len(changed)} {noun} {state}.", messages.SUCCESS)


class GuideAdminForm(ContentForm):
    content_schema = GuideRecord


@admin.register(Guide)
class GuideAdmin(MarkdownPreviewAdmin):
    markdown_field = "body"
    markdown_max_length = MAX_GUIDE_BODY
    form = GuideAdminForm
    list_display = ["title", "published", "updated", "reading_minutes", "modified"]
    list_filter = ["published", "roles"]
    search_fields = ["title", "slug", "summary", "body"]
    search_help_text = "Title, slug, summary or text."
    date_hierarchy = "updated"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["roles", "certifications"]
    actions = ["publish", "unpublish"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "published", "updated"]}),
        (None, {"fields": ["body"]}),
        ("Related", {"fields": ["roles", "certifications"]}),
    ]


class FAQAdminForm(ContentForm):
    content_schema = FAQRecord


@admin.register(FAQ)
class FAQAdmin(MarkdownPreviewAdmin):
    markdown_field = "answer"
    markdown_max_length = MAX_FAQ_ANSWER
    form = FAQAdminForm
    list_display = ["question", "category", "order", "published", "preview_link"]
    list_filter = ["category", "published"]
    search_fields = ["question", "slug", "answer"]
    search_help_text = "Question, slug or answer."
    ordering = ["category", "order", "question"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["roles", "guides"]
    actions = ["publish", "unpublish", "move_up", "move_down"]
    fieldsets = [
        (None, {"fields": ["question", "slug", "category", "order", "published"]}),
        (None, {"fields": ["answer"]}),
        ("Related", {"fields": ["roles", "guides"]}),
    ]

    def get_urls(self):
        return [
            path(
                "<int:object_id>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="guides_faq_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        """The question and its answer as the FAQ page shows them, drafts included."""
        faq = get_object_or_404(FAQ, pk=object_id)
        if not self.has_view_or_change_permission(request, faq):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Preview: {faq.question}",
            "faq": faq,
            "original": faq,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/guides/faq/preview.html", context)

    def view_on_site(self, faq):
        # The public FAQ shows only published answers; a draft opens its preview instead.
        if faq.published:
            return faq.get_absolute_url()
        return reverse("admin:guides_faq_preview", args=[faq.pk], current_app=self.admin_site.name)

    @admin.display(description="preview")
    def preview_link(self, faq):
        url = reverse("admin:guides_faq_preview", args=[faq.pk], current_app=self.admin_site.name)
        return format_html('<a href="{}">Preview</a>', url)

    @admin.action(
        description="Move selected FAQs up (earlier in their category)", permissions=["change"]
    )
    def move_up(self, request, queryset):
        self._move(request, queryset, step=-1)

    @admin.action(
        description="Move selected FAQs down (later in their category)", permissions=["change"]
    )
    def move_down(self, request, queryset):
        self._move(request, queryset, step=1)

    def _move(self, request, queryset, step: int) -> None:
        """Swap each selected FAQ with its neighbour in its category."""
        moved, stuck = [], []
        selected = list(queryset.order_by("category", "order", "question"))
        if step > 0:
            selected.reverse()  # the last one moves first, so a block moves together
        for faq in selected:
            result = faq_move(faq=faq, step=step)
            if result is None:
                stuck.append(faq.question)
                continue
            self.log_change(request, result, f"Moved to position {result.order}.")
            moved.append(result.question)
        if moved:
            self.message_user(request, f"Moved {len(moved)} FAQ(s).", messages.SUCCESS)
        for question in stuck:
            where = "first" if step < 0 else "last"
            self.message_user(
                request, f"“{question}” is already {where} in its category.", messages.WARNING
            )
