"""Roles, skills, salaries and projections in the admin, as editors keep them true."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count

from common.admin import ModelAdmin

from .forms import (
    ProjectionAdminForm,
    RoleAdminForm,
    RoleIndustryForm,
    SalaryFigureForm,
    SalaryFigureInlineForm,
    SalaryFigureInlineFormSet,
    SkillAdminForm,
)
from .models import (
    EmploymentProjection,
    IndustrySkillLevel,
    Role,
    RoleIndustry,
    RoleSkill,
    SalaryFigure,
    Skill,
)
from .services import roles_move_rung

COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 28})}}


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    fk_name = "role"
    autocomplete_fields = ["skill"]
    extra = 0
    verbose_name = "skill needed"
    verbose_name_plural = "skills needed (level 1 = aware … 5 = expert)"


class SkillRoleInline(admin.TabularInline):
    model = RoleSkill
    fk_name = "skill"
    autocomplete_fields = ["role"]
    extra = 0
    verbose_name = "role that needs it"
    verbose_name_plural = "roles that need it (level 1 = aware … 5 = expert)"


class RoleIndustryInline(admin.StackedInline):
    model = RoleIndustry
    form = RoleIndustryForm
    extra = 0
    show_change_link = True
    verbose_name_plural = "industry versions (what differs; skill levels on each version's page)"


class IndustrySkillLevelInline(admin.TabularInline):
    model = IndustrySkillLevel
    autocomplete_fields = ["skill"]
    extra = 0
    verbose_name_plural = "skill levels that differ in this industry (0 = not needed)"


@admin.register(RoleIndustry)
class RoleIndustryAdmin(ModelAdmin):
    form = RoleIndustryForm
    list_display = ["role", "industry", "change_note"]
    list_filter = ["industry"]
    list_select_related = ["role"]
    search_fields = ["role__title", "change_note"]
    autocomplete_fields = ["role"]
    inlines = [IndustrySkillLevelInline]

    def view_on_site(self, variant):
        return f"{variant.role.get_absolute_url()}?industry={variant.industry}#industry"


class SalaryFigureInline(admin.TabularInline):
    model = SalaryFigure
    form = SalaryFigureInlineForm
    formset = SalaryFigureInlineFormSet
    extra = 0
    # The columns that tell figures apart; currency, region, source URL and note are on each
    # figure's own page (the change link), and a new row takes their defaults.
    fields = [
        "statistic",
        "amount",
        "industry",
        "occupation_code",
        "occupation_title",
        "code_match",
        "code_note",
        "source_name",
        "reference_year",
        "edition",
        "verified",
        "headline",
    ]
    show_change_link = True
    formfield_overrides = COMPACT_TEXT
    verbose_name_plural = (
        "salary figures (percentiles of one code, source and year must rise: "
        "p10 ≤ p25 ≤ median ≤ p75 ≤ p90)"
    )

    class Media:
        css = {"all": ["admin-extra/inlines.css"]}


@admin.register(Role)
class RoleAdmin(ModelAdmin):
    form = RoleAdminForm
    list_display = ["title", "tier", "rank", "years", "skill_count", "figure_count", "updated"]
    list_filter = ["tier", "onet_derived"]
    search_fields = ["title", "slug", "headline", "summary"]
    search_help_text = "Title, slug, headline or summary."
    ordering = ["rank", "title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["reports_to", "leads_to"]
    inlines = [RoleSkillInline, RoleIndustryInline, SalaryFigureInline]
    actions = ["move_up_a_rung", "move_down_a_rung"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "tier", "rank", "headline"]}),
        (
            "The role",
            {
                "fields": [
                    "summary",
                    "responsibilities",
                    ("years_min", "years_max"),
                    "education",
                    "entry_points",
                    "kpis",
                ]
            },
        ),
        ("By industry", {"fields": ["focus_manufacturing", "focus_services", "focus_technology"]}),
        (
            "On the ladder",
            {
                "fields": ["reports_to", "leads_to"],
                "description": "Next steps sit on a higher rung, and the ladder must not loop.",
            },
        ),
        ("Sources", {"fields": ["sources", "onet_derived"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                skill_count=Count("role_skills", distinct=True),
                figure_count=Count("salary_figures", distinct=True),
            )
        )

    @admin.display(description="typical years", ordering="years_min")
    def years(self, role):
        return f"{role.years_min}–{role.years_max}"

    @admin.display(description="skills", ordering="skill_count")
    def skill_count(self, role):
        return role.skill_count

    @admin.display(description="salary figures", ordering="figure_count")
    def figure_count(self, role):
        return role.figure_count

    @admin.action(
        description="Move selected roles one rung up the ladder (rank + 1)", permissions=["change"]
    )
    def move_up_a_rung(self, request, queryset):
        self._move(request, queryset, step=1)

    @admin.action(
        description="Move selected roles one rung down the ladder (rank − 1)",
        permissions=["change"],
    )
    def move_down_a_rung(self, request, queryset):
        self._move(request, queryset, step=-1)

    def _move(self, request, queryset, step: int) -> None:
        moved, problems = roles_move_rung(roles=queryset, step=step)
        for problem in problems:
            self.message_user(request, problem, messages.WARNING)
        for role in moved:
            self.log_change(request, role, f"Moved to rung {role.rank}.")
        if moved:
            names = ", ".join(f"{role.title} (rung {role.rank})" for role in moved)
            self.message_user(request, f"Moved {names}.", messages.SUCCESS)


@admin.register(Skill)
class SkillAdmin(ModelAdmin):
    form = SkillAdminForm
    list_display = ["name", "kind", "slug", "role_count", "updated"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [SkillRoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("role_skills"))

    @admin.display(description="roles that need it", ordering="role_count")
    def role_count(self, skill):
        return skill.role_count


@admin.register(SalaryFigure)
class SalaryFigureAdmin(ModelAdmin):
    form = SalaryFigureForm
    list_display = [
        "role",
        "statistic",
        "amount",
        "currency",
        "occupation_code",
        "code_match",
        "source_name",
        "reference_year",
        "verified",
    ]
    list_filter = ["statistic", "industry", "code_match", "verified", "reference_year", "role"]
    search_fields = [
        "role__title",
        "role__slug",
        "occupation_code",
        "occupation_title",
        "source_name",
    ]
    search_help_text = "Role, occupation code or title, or source."
    list_select_related = ["role"]
    ordering = ["role__rank", "role__title", "occupation_code", "-reference_year", "amount"]
    autocomplete_fields = ["role"]
    fieldsets = [
        (None, {"fields": ["role", "statistic", ("amount", "currency"), "region", "industry"]}),
        (
            "Occupation code",
            {
                "fields": [
                    "occupation_code",
                    "occupation_title",
                    "code_match",
                    "code_note",
                ]
            },
        ),
        (
            "Source",
            {
                "fields": [
                    "source_name",
                    "source_url",
                    ("reference_year", "edition"),
                    ("verified", "checked_on"),
                    "note",
                ],
                "description": (
                    "Verified means checked on the primary source itself (bls.gov); a figure "
                    "copied from anywhere else stays unverified and the page says so."
                ),
            },
        ),
        ("On the ladder and cards", {"fields": ["headline", "rung_note"]}),
        ("For editors only", {"fields": ["editor_notes"]}),
    ]

    def view_on_site(self, figure):
        return figure.role.get_absolute_url() + "#pay"


@admin.register(EmploymentProjection)
class EmploymentProjectionAdmin(ModelAdmin):
    form = ProjectionAdminForm
    list_display = [
        "occupation_code",
        "occupation_title",
        "start_year",
        "end_year",
        "growth_percent",
        "verified",
    ]
    list_filter = ["verified", "start_year"]
    search_fields = ["occupation_code", "occupation_title", "source_name"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "occupation_code",
                    "occupation_title",
                    ("start_year", "end_year"),
                    "growth_percent",
                ]
            },
        ),
        (
            "Source",
            {"fields": ["source_name", "source_url", ("verified", "checked_on"), "note"]},
        ),
        ("For editors only", {"fields": ["editor_notes"]}),
    ]
