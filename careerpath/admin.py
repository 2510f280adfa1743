"""The admin site as a whole: its titles, the search index (read-only), and the download of all
content as the files in fixtures/, so editors can hand their changes back for review."""

import io
import tempfile
import zipfile
from pathlib import Path

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from common.admin import ModelAdmin

from .audit import BLOCKING, run_audit
from .content import export_content
from .models import SearchEntry
from .registry import content_models

admin.site.site_header = "CareerPath editors"
admin.site.site_title = "CareerPath editors"
admin.site.index_title = "Content"


def can_export_content(user) -> bool:
    """Anyone who may change some content may take all of it away as files."""
    return (
        user.is_active
        and user.is_staff
        and any(
            user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
            for model in content_models()
        )
    )


def content_archive() -> bytes:
    """The files `export_content` writes (YAML files and guides/*.md), as one zip."""
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="careerpath-export-") as directory:
        root = Path(directory)
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for written in sorted(export_content(root)):
                archive.write(written, written.relative_to(root).as_posix())
    return buffer.getvalue()


@admin.register(SearchEntry)
class SearchEntryAdmin(ModelAdmin):
    """The search index is rebuilt from the content; here it can be looked at, not edited.

    It also carries the content download (`admin:content_export`), since a view on the admin
    site needs a ModelAdmin to hang from.
    """

    list_display = ["title", "kind", "url"]
    list_filter = ["kind"]
    search_fields = ["title", "summary", "body"]
    readonly_fields = ["kind", "slug", "title", "summary", "body", "url"]
    exclude = ["search_vector"]

    def get_urls(self):
        return [
            path("export/", self.admin_site.admin_view(self.export_view), name="content_export"),
            path("audit/", self.admin_site.admin_view(self.audit_view), name="content_audit"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def export_view(self, request):
        return _export(request)

    def audit_view(self, request):
        return _audit(request, self.admin_site)


@require_safe
def _export(request) -> HttpResponse:
    if not can_export_content(request.user):
        raise PermissionDenied
    filename = f"careerpath-content-{timezone.localdate():%Y-%m-%d}.zip"
    response = HttpResponse(content_archive(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def _audit(request, admin_site) -> TemplateResponse:
    """The same list `manage.py content_audit` prints, for editors."""
    if not can_export_content(request.user):
        raise PermissionDenied
    report = run_audit()
    context = {
        **admin_site.each_context(request),
        "title": "Content audit",
        "report": report,
        "blocking": BLOCKING,
    }
    return TemplateResponse(request, "admin/content_audit.html", context)
