"""Organisations and certifications in the admin, with each fact's source and date."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone

from common.admin import ModelAdmin
from common.forms import ContentForm, SourcesField
from roles.models import Tier

from .content import CertificationRecord, Cost, Exam, OrganizationRecord
from .models import Certification, Organization
from .services import certifications_mark_verified


class TierCheckboxesField(forms.MultipleChoiceField):
    """The tiers a certification suits, ticked as checkboxes, kept in ladder order."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(choices=Tier.choices, **kwargs)

    def clean(self, value):
        chosen = set(super().clean(value))
        return [tier for tier in Tier.values if tier in chosen]


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
        "cost_total": (Cost, "total"),
        "cost_total_note": (Cost, "total_note"),
    }

    tiers = TierCheckboxesField(help_text="The tiers of the ladder it suits.")
    sources = SourcesField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial.setdefault("tiers", self.instance.tiers)

    def clean(self):
        cleaned_data = super().clean()
        if "tiers" in cleaned_data:
            self.instance.tiers = cleaned_data["tiers"]  # the suits_* flags, checked on save
        return cleaned_data


@admin.register(Organization)
class OrganizationAdmin(ModelAdmin):
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
class CertificationAdmin(ModelAdmin):
    form = CertificationAdminForm
    list_display = ["acronym", "name", "issuer", "focus", "tier_list", "verified_on"]
    list_filter = ["focus", "issuer", "verified_on"]
    search_fields = ["acronym", "name", "slug", "issuer__name", "issuer__abbreviation"]
    search_help_text = "Acronym, name, slug or issuer."
    list_select_related = ["issuer"]
    date_hierarchy = "verified_on"
    prepopulated_fields = {"slug": ["acronym"]}
    autocomplete_fields = ["issuer", "roles"]
    actions = ["mark_verified_today"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["acronym", "name", "slug", "issuer", "focus", "official_url"]}),
        (
            "Who it suits",
            {
                "fields": [
                    "audience",
                    "eligibility",
                    ("min_experience_years", "no_prerequisite"),
                    "tiers",
                    "roles",
                ]
            },
        ),
        ("Exam", {"fields": [("exam_parts", "exam_questions", "exam_minutes"), "exam_format"]}),
        (
            "Cost",
            {
                "fields": [
                    ("cost_member", "cost_nonmember", "currency"),
                    "cost_note",
                    "cost_total",
                    "cost_total_note",
                ]
            },
        ),
        ("Preparing", {"fields": ["study_hours", "pass_rate"]}),
        ("Keeping it", {"fields": [("validity_years", "lifetime"), "renewal"]}),
        (
            "Facts",
            {
                "fields": ["verified_on", "sources", "unverified"],
                "description": (
                    "When the facts were last checked, and which ones the issuer's own pages "
                    "did not confirm."
                ),
            },
        ),
        ("For editors only", {"fields": ["editor_notes"]}),
    ]

    @admin.display(description="tiers")
    def tier_list(self, certification):
        return ", ".join(certification.tier_labels)

    @admin.action(
        description="Mark facts of selected certifications verified today", permissions=["change"]
    )
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        marked = certifications_mark_verified(certifications=queryset, on=today)
        for certification in marked:
            self.log_change(request, certification, f"Facts verified on {today:%Y-%m-%d}.")
        self.message_user(
            request,
            f"Marked {len(marked)} certification(s) verified on {today:%-d %B %Y}.",
            messages.SUCCESS,
        )
