"""load_content validates every file before writing, names file, record and field in every
error, writes nothing when anything is wrong, and round-trips through export_content."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from careerpath.content import read_content
from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import Role, SalaryFigure, Skill

pytestmark = pytest.mark.django_db


def row_counts():
    return {
        m.__name__: m.objects.count()
        for m in (Role, Skill, SalaryFigure, Certification, FAQ, Guide)
    }


@pytest.fixture
def files(tmp_path, content_dir):
    target = tmp_path / "fixtures"
    shutil.copytree(content_dir, target)
    return target


def edit_yaml(path, change):
    records = yaml.safe_load(path.read_text())
    change(records)
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))


def load(directory, *args):
    out, err = StringIO(), StringIO()
    call_command("load_content", str(directory), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(directory):
    before = row_counts()
    err = StringIO()
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_content", str(directory), stdout=StringIO(), stderr=err)
    assert row_counts() == before
    return err.getvalue()


def test_every_content_file_in_the_repository_validates(content_dir):
    content = read_content(content_dir)
    assert len(content.records["roles"]) >= 10
    assert {"cpim", "cscp", "lean-six-sigma-green-belt", "lean-six-sigma-black-belt", "pmp"} <= {
        c.slug for c in content.records["certifications"]
    }
    assert "working-with-senior-management" in {g.slug for g in content.records["guides"]}


LADDER_ROLE_SLUGS = {
    "operations-coordinator",
    "operations-supervisor",
    "operations-analyst",
    "production-scheduler",
    "inventory-analyst",
    "operations-manager",
    "senior-operations-manager",
    "director-of-operations",
    "vp-of-operations",
    "chief-operating-officer",
}


def test_the_ten_ladder_roles_are_loaded_with_their_slugs():
    assert set(Role.objects.values_list("slug", flat=True)) >= LADDER_ROLE_SLUGS


def test_a_second_load_changes_nothing(content_dir):
    out, _ = load(content_dir)
    assert "nothing changed" in out
    assert " 0 created, 0 updated" in out


def test_broken_yaml_is_refused_naming_the_file_and_line(files):
    (files / "skills.yaml").write_text("- slug: lean\n  name: [unclosed\n")
    err = refused(files)
    assert "skills.yaml: line" in err and "not valid YAML" in err


def test_a_wrong_value_is_refused_naming_file_record_and_field(files):
    edit_yaml(
        files / "certifications.yaml",
        lambda records: next(r for r in records if r["slug"] == "cpim")["exam"].update(questions=0),
    )
    err = refused(files)
    assert "certifications.yaml: cpim: exam.questions: must be greater than 0" in err


def test_a_missing_field_is_refused(files):
    edit_yaml(
        files / "roles.yaml",
        lambda records: next(r for r in records if r["slug"] == "operations-manager").pop(
            "summary"
        ),
    )
    err = refused(files)
    assert "roles.yaml: operations-manager: summary: is required" in err


def test_an_unknown_field_is_refused(files):
    edit_yaml(files / "skills.yaml", lambda records: records[0].update(colour="blue"))
    err = refused(files)
    assert (
        f"skills.yaml: {yaml.safe_load((files / 'skills.yaml').read_text())[0]['slug']}: "
        "colour: is not a known field" in err
    )


def test_an_unknown_slug_in_a_reference_is_refused(files):
    edit_yaml(
        files / "certifications.yaml",
        lambda records: next(r for r in records if r["slug"] == "pmp")["roles"].append(
            "chief-happiness-officer"
        ),
    )
    err = refused(files)
    assert "certifications.yaml: pmp: roles: unknown role 'chief-happiness-officer'" in err


def test_a_duplicate_slug_is_refused(files):
    edit_yaml(files / "skills.yaml", lambda records: records.append(dict(records[0])))
    err = refused(files)
    assert "duplicate of record 1" in err


def test_a_ladder_that_loops_is_refused(files):
    edit_yaml(
        files / "roles.yaml",
        lambda records: next(r for r in records if r["slug"] == "chief-operating-officer")[
            "leads_to"
        ].append("operations-manager"),
    )
    err = refused(files)
    assert "roles.yaml: " in err and "leads_to: the ladder goes round in a circle" in err


def test_percentiles_out_of_order_are_refused(files):
    def scramble(records):
        figures = [
            r
            for r in records
            if r["role"] == "operations-manager"
            and r["statistic"] in ("p25", "p75")
            and r["reference_year"] == 2023
        ]
        assert len(figures) == 2, "the content should carry the May 2023 percentiles"
        low, high = sorted(figures, key=lambda r: r["amount"])
        low["amount"], high["amount"] = high["amount"], low["amount"]

    edit_yaml(files / "salaries.yaml", scramble)
    err = refused(files)
    assert "salaries.yaml: operations-manager 11-1021" in err and "amount:" in err


def test_a_negative_amount_is_refused(files):
    edit_yaml(files / "salaries.yaml", lambda records: records[0].update(amount=-5))
    err = refused(files)
    assert "amount: must be greater than or equal to 0" in err


def test_one_bad_file_among_good_ones_writes_nothing_at_all(files):
    edit_yaml(files / "skills.yaml", lambda records: records[0].update(description="Changed"))
    edit_yaml(files / "faqs.yaml", lambda records: records[0].update(category="gossip"))
    err = refused(files)
    assert "faqs.yaml" in err and "category" in err
    assert not Skill.objects.filter(description="Changed").exists()


def test_a_changed_record_is_updated_by_slug(files):
    edit_yaml(files / "skills.yaml", lambda records: records[0].update(description="Revised."))
    slug = yaml.safe_load((files / "skills.yaml").read_text())[0]["slug"]
    out, _ = load(files)
    assert "skills: 0 created, 1 updated" in out
    assert Skill.objects.get(slug=slug).description == "Revised."


def test_records_missing_from_the_files_are_listed_and_kept_unless_pruned(files):
    edit_yaml(files / "faqs.yaml", lambda records: records.pop())
    missing_slug = (
        FAQ.objects.exclude(
            slug__in=[r["slug"] for r in yaml.safe_load((files / "faqs.yaml").read_text())]
        )
        .get()
        .slug
    )
    out, _ = load(files)
    assert f"not in the files (kept; use --prune to delete): {missing_slug}" in out
    assert FAQ.objects.filter(slug=missing_slug).exists()
    out, _ = load(files, "--prune")
    assert "1 deleted" in out
    assert not FAQ.objects.filter(slug=missing_slug).exists()


def test_export_then_load_into_an_empty_database_gives_identical_data(tmp_path):
    first = tmp_path / "first"
    call_command("export_content", str(first), stdout=StringIO())
    before = snapshot()
    for model in (FAQ, Guide, Certification, SalaryFigure, Role, Skill):
        model.objects.all().delete()
    load(first)
    assert snapshot() == before
    second = tmp_path / "second"
    call_command("export_content", str(second), stdout=StringIO())
    for path in first.rglob("*"):
        if path.is_file():
            assert path.read_text() == (second / path.relative_to(first)).read_text(), path.name


def snapshot():
    return {
        "roles": sorted(
            (
                r.slug,
                r.title,
                r.tier,
                r.rank,
                r.summary,
                tuple(r.responsibilities),
                tuple(sorted(x.slug for x in r.leads_to.all())),
                tuple(sorted((rs.skill.slug, rs.level) for rs in r.role_skills.all())),
            )
            for r in Role.objects.all()
        ),
        "salaries": sorted(
            (
                f.role.slug,
                f.occupation_code,
                f.statistic,
                int(f.amount),
                f.source_name,
                f.reference_year,
                f.verified,
            )
            for f in SalaryFigure.objects.select_related("role")
        ),
        "certifications": sorted(
            (
                c.slug,
                c.issuer.slug,
                c.eligibility,
                c.exam_questions,
                c.cost_member,
                c.verified_on,
                tuple(sorted(r.slug for r in c.roles.all())),
            )
            for c in Certification.objects.select_related("issuer")
        ),
        "faqs": sorted((f.slug, f.answer, f.published) for f in FAQ.objects.all()),
        "guides": sorted((g.slug, g.body, g.updated) for g in Guide.objects.all()),
    }


def test_an_unknown_skill_in_an_industry_version_is_refused_naming_the_field(files):
    def change(roles):
        role = next(r for r in roles if r["slug"] == "inventory-analyst")
        role["industries"]["services"]["skills"]["juggling"] = 2

    edit_yaml(files / "roles.yaml", change)
    err = refused(files)
    assert (
        "roles.yaml: inventory-analyst: industries.services.skills: unknown skill 'juggling'" in err
    )


def test_an_industry_skill_level_above_five_is_refused(files):
    def change(roles):
        role = next(r for r in roles if r["slug"] == "inventory-analyst")
        role["industries"]["services"]["skills"]["mrp"] = 6

    edit_yaml(files / "roles.yaml", change)
    assert "inventory-analyst: industries.services.skills.mrp: must be less than or equal to 5" in (
        refused(files)
    )


def test_a_changed_industry_version_is_loaded_and_counted_as_an_update(files):
    def change(roles):
        role = next(r for r in roles if r["slug"] == "inventory-analyst")
        role["industries"]["services"]["change_note"] = "A new note."

    edit_yaml(files / "roles.yaml", change)
    out, _ = load(files)
    assert "roles: 0 created, 1 updated, 9 unchanged" in out
    from roles.models import RoleIndustry

    variant = RoleIndustry.objects.get(role__slug="inventory-analyst", industry="services")
    assert variant.change_note == "A new note."
