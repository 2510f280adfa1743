"""The industry lens on values worked out by hand: what changes for a role in one industry,
and the skills it then needs."""

from decimal import Decimal

from roles.industry import industry_view, skills_in
from roles.models import IndustrySkillLevel, RoleIndustry, RoleSkill, SalaryFigure, Skill
from roles.pay import pay

STOCK, ROSTERS, MRP = (
    Skill(pk=1, name="Inventory"),
    Skill(pk=2, name="Rosters"),
    Skill(pk=3, name="MRP"),
)
KPIS = [{"name": "Inventory turns", "measure": "COGS / inventory"}]


def variant(kpis=(), note="", **levels):
    v = RoleIndustry(pk=1, role_id=7, industry="services", kpis=list(kpis), change_note=note)
    rows = [
        IndustrySkillLevel(variant=v, skill=skill, level=level) for skill, level in levels.values()
    ]
    v._prefetched_objects_cache = {"skill_levels": rows}
    return v


def general_skills():
    return [RoleSkill(role_id=7, skill=STOCK, level=4), RoleSkill(role_id=7, skill=MRP, level=3)]


def median(amount, industry=""):
    return SalaryFigure(
        statistic="median",
        amount=Decimal(amount),
        industry=industry,
        reference_year=2024,
        verified=True,
        code_match="exact",
        source_name="BLS",
    )


def test_without_an_industry_version_the_general_role_stands():
    view = industry_view("services", KPIS, general_skills(), None, pay([median(90000)], []))
    assert view.kpis == KPIS and not view.kpis_differ
    assert view.skill_changes == [] and view.median is None
    assert view.differs is False


def test_an_industry_version_lists_only_the_skills_whose_level_differs():
    v = variant(a=(STOCK, 1), b=(MRP, 3), c=(ROSTERS, 4))
    view = industry_view("services", KPIS, general_skills(), v, pay([], []))
    assert [(c.skill.name, c.general_level, c.level, c.direction) for c in view.skill_changes] == [
        ("Inventory", 4, 1, "lower"),
        ("Rosters", None, 4, "higher"),
    ]


def test_a_skill_at_level_zero_is_not_needed_in_the_industry():
    view = industry_view("services", KPIS, general_skills(), variant(a=(MRP, 0)), pay([], []))
    assert [(c.skill.name, c.direction) for c in view.skill_changes] == [("MRP", "not needed")]


def test_industry_measures_replace_the_general_ones_and_say_so():
    services = [{"name": "Service level", "measure": "Share served in time"}]
    view = industry_view(
        "services", KPIS, general_skills(), variant(services, "People, not stock."), pay([], [])
    )
    assert view.kpis == services and view.kpis_differ
    assert view.change_note == "People, not stock." and view.differs


def test_the_industry_median_is_its_own_and_the_general_median_is_unchanged():
    role_pay = pay([median(100000), median(120000, industry="manufacturing")], [])
    assert role_pay.median.amount == 100000
    view = industry_view("manufacturing", KPIS, general_skills(), None, role_pay)
    assert view.median.amount == 120000 and view.differs
    assert industry_view("services", KPIS, general_skills(), None, role_pay).median is None


def test_skills_in_an_industry_replace_drop_and_add_levels():
    v = variant(a=(STOCK, 2), b=(MRP, 0), c=(ROSTERS, 3))
    assert [(rs.skill.name, rs.level) for rs in skills_in(general_skills(), v)] == [
        ("Inventory", 2),
        ("Rosters", 3),
    ]
    assert [(rs.skill.name, rs.level) for rs in skills_in(general_skills(), None)] == [
        ("Inventory", 4),
        ("MRP", 3),
    ]
