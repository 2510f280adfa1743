"""Organisations and certifications in the admin, with each fact's source and date."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from roles.forms import ContentForm, SourcesField, TierCheckboxesField

from .content import CertificationRecord, Cost, Exam, OrganizationRecord
from .models import Certification, Organization


class OrganizationAdminForm(ContentForm):
    content_schema = OrganizationRecord


class CertificationAdminForm(ContentForm):
    content_schema = CertificationRecord
    schema_fields = {
        "exam_parts": (Exam, "parts"),
        "exam_questions": (Exam, "questions"),
        "exam_minutes": (Exam, "minutes"),
        "cost_member": (Cost, "member"),
        "cost_nonmember": (Cost, "nonmember"),
        "currency": (Cost, "currency"),
    }

    tiers = TierCheckboxesField(help_text="The tiers of the ladder it suits.")
    sources = SourcesField()


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
    list_display = ["abbreviation", "name", "url", "certification_count", "updated"]
    search_fields = ["name", "abbreviation", "slug"]
    prepopulated_fields = {"slug": ["abbreviation"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(certification_count=Count("certifications"))

    @admin.display(description="certifications", ordering="certification_count")
    def certification_count(self, organization):
        return organization.certification_count


@admin.register(Certification)
class CertificationAdmin(admin.ModelAdmin):
    form = CertificationAdminForm
    list_display = ["acronym", "name", "issuer", "focus", "tier_list", "verified_on"]
    list_filter = ["focus", "issuer", "verified_on"]
    search_fields = ["acronym", "name", "slug", "issuer__name", "issuer__abbreviation"]
    search_help_text = "Acronym, name, slug or issuer."
    list_select_related = ["issuer"]
    date_hierarchy = "verified_on"
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["issuer", "roles", "skills"]
    actions = ["mark_verified_today"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["acronym", "name", "slug", "issuer", "focus", "official_url"]}),
        ("Who it suits", {"fields": ["audience", "eligibility", "tiers", "roles", "skills"]}),
        ("Exam", {"fields": [("exam_parts", "exam_questions", "exam_minutes"), "exam_format"]}),
        ("Cost", {"fields": [("cost_member", "cost_nonmember", "currency"), "cost_note"]}),
        ("Keeping it", {"fields": ["validity_years", "renewal"]}),
        (
            "Facts",
            {
                "fields": ["verified_on", "sources", "unverified"],
                "description": "When the facts were last checked against their sources.",
            },
        ),
    ]

    @admin.display(description="tiers")
    def tier_list(self, certification):
        return ", ".join(certification.tier_labels)

    @admin.action(
        description="Mark facts of selected certifications verified today", permissions=["change"]
    )
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        with transaction.atomic():
            certifications = list(queryset)
            for certification in certifications:
                certification.verified_on = today
                certification.save()  # save(), not update(): the signals refresh the pages
                self.log_change(request, certification, f"Facts verified on {today:%Y-%m-%d}.")
        self.message_user(
            request,
            f"Marked {len(certifications)} certification(s) verified on {today:%-d %B %Y}.",
            messages.SUCCESS,
        )
