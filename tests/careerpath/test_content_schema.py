"""JSON Schemas of the content files: generated from the loader's records, committed beside
the files, referenced from each file's first line, and in step with the records."""

import json
from io import StringIO

import frontmatter
import jsonschema_rs
import pytest
import yaml
from django.core.management import call_command

from careerpath.content import export_content, read_content
from careerpath.content_schema import GUIDE_SCHEMA, yaml_kinds
from common.content_kind import schema_line, schema_name

YAML_FILES = [kind.file for kind in yaml_kinds()]


def _as_json(data):
    # YAML reads unquoted dates as dates; a language server sees the text.
    return json.loads(json.dumps(data, default=lambda value: value.isoformat()))


def test_committed_schemas_match_what_the_records_generate(tmp_path, content_dir):
    call_command("content_schema", str(tmp_path), stdout=StringIO())
    generated = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in (content_dir / "schemas").iterdir())
    assert generated == committed
    for name in generated:
        assert (tmp_path / name).read_text() == (content_dir / "schemas" / name).read_text(), (
            f"fixtures/schemas/{name} is out of date: run "
            "`python manage.py content_schema fixtures/schemas` and commit the result."
        )


@pytest.mark.parametrize("filename", YAML_FILES)
def test_each_content_file_points_its_editor_at_its_schema(content_dir, filename):
    first_line = (content_dir / filename).read_text().splitlines()[0]
    assert first_line == schema_line(filename)
    assert (content_dir / "schemas" / schema_name(filename)).exists()


@pytest.mark.parametrize("filename", YAML_FILES)
def test_each_content_file_passes_its_schema(content_dir, filename):
    schema = json.loads((content_dir / "schemas" / schema_name(filename)).read_text())
    data = _as_json(yaml.safe_load((content_dir / filename).read_text()))
    errors = [str(e) for e in jsonschema_rs.validator_for(schema).iter_errors(data)]
    assert errors == []


def test_every_guide_front_matter_passes_its_schema(content_dir):
    schema = json.loads((content_dir / "schemas" / GUIDE_SCHEMA).read_text())
    validator = jsonschema_rs.validator_for(schema)
    for path in sorted((content_dir / "guides").glob("*.md")):
        metadata = _as_json(frontmatter.loads(path.read_text()).metadata)
        assert [str(e) for e in validator.iter_errors(metadata)] == [], path.name


def test_schema_flags_a_misspelt_field_and_a_wrong_value(content_dir):
    schema = json.loads((content_dir / "schemas" / "roles.json").read_text())
    role = _as_json(yaml.safe_load((content_dir / "roles.yaml").read_text()))[0]
    role["titel"] = role.pop("title")
    role["tier"] = "intern"
    messages = " ".join(str(e) for e in jsonschema_rs.validator_for(schema).iter_errors([role]))
    assert "titel" in messages and "intern" in messages


@pytest.mark.django_db
def test_the_loader_reads_files_that_start_with_the_schema_line(content_dir):
    assert (content_dir / "roles.yaml").read_text().startswith("# yaml-language-server:")
    content = read_content(content_dir)
    assert len(content.records["roles"]) == 10


@pytest.mark.django_db
def test_exported_files_keep_the_schema_line(tmp_path):
    export_content(tmp_path)
    for filename in YAML_FILES:
        assert (tmp_path / filename).read_text().splitlines()[0] == schema_line(filename)
