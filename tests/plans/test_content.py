"""The content a plan needs: level sentences, what certifications develop, starting points."""

import shutil

import pytest
import yaml

from careerpath.content import ContentInvalid, read_content
from certifications.models import Certification
from plans.models import StartingPoint
from roles.models import Skill

pytestmark = pytest.mark.django_db


def test_every_skill_says_what_each_level_means_in_a_sentence():
    for skill in Skill.objects.all():
        assert sorted(skill.levels) == ["1", "2", "3", "4", "5"], skill.slug
        assert all(text.endswith(".") and len(text) > 30 for text in skill.levels.values())


def test_every_certification_names_the_skills_it_develops():
    for cert in Certification.objects.prefetch_related("skills"):
        assert cert.skills.exists(), cert.slug


def test_starting_points_beside_the_ladder_are_loaded_with_their_entry_rung():
    points = {p.slug: p for p in StartingPoint.objects.select_related("enters_at")}

    assert {"project-manager", "engineer", "new-to-operations"} <= set(points)
    assert points["project-manager"].enters_at.slug == "operations-supervisor"
    assert points["engineer"].skills["root-cause-analysis"] == 3


@pytest.fixture
def files(tmp_path, content_dir):
    shutil.copytree(content_dir, tmp_path / "fixtures")
    return tmp_path / "fixtures"


def edit(path, change):
    records = yaml.safe_load(path.read_text())
    change(records)
    path.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True))


def test_a_skill_missing_a_level_sentence_is_refused_naming_it(files):
    edit(files / "skills.yaml", lambda records: records[0]["levels"].pop(3))

    with pytest.raises(ContentInvalid) as refused:
        read_content(files)

    assert "skills.yaml: lean: levels: describe every level 1 to 5 (missing [3])" in str(
        refused.value
    )


def test_unknown_skills_in_starting_points_and_certifications_are_refused(files):
    edit(files / "starting_points.yaml", lambda r: r[0]["skills"].update({"juggling": 2}))
    edit(files / "certifications.yaml", lambda r: r[0]["skills"].append("telepathy"))

    with pytest.raises(ContentInvalid) as refused:
        read_content(files)

    message = str(refused.value)
    assert "starting_points.yaml: project-manager: skills: unknown skill 'juggling'" in message
    assert "certifications.yaml: cpim: skills: unknown skill 'telepathy'" in message
