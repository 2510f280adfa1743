"""JSON Schemas of the content files, generated from the same pydantic records the loader
validates with, so an editor's text editor can flag a wrong field as it is typed.

Each YAML file starts with `# yaml-language-server: $schema=schemas/<name>.json` (a YAML
comment, which the loader never sees); fixtures/schemas/ holds the files this writes."""

import json
from pathlib import Path

from pydantic import TypeAdapter

from guides.content import GuideRecord

from .content import YAML_FILES

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
GUIDE_SCHEMA = "guide-front-matter.json"


def schema_name(filename: str) -> str:
    """roles.yaml -> roles.json"""
    return Path(filename).with_suffix(".json").name


def modeline(filename: str) -> str:
    """The first line of a content file, pointing a YAML language server at its schema."""
    return f"# yaml-language-server: $schema=schemas/{schema_name(filename)}"


def file_schemas() -> dict[str, dict]:
    """{schema file name: JSON Schema} for every content file."""
    schemas = {}
    for filename, record in YAML_FILES.values():
        schema = TypeAdapter(list[record]).json_schema()
        schemas[schema_name(filename)] = {
            "$schema": JSON_SCHEMA_DIALECT,
            "title": f"fixtures/{filename}",
            "description": f"A list of {record.__name__} records; see docs/content-format.md.",
            **schema,
        }
    # A guide's front matter: the record without the slug (the file name) and the body
    # (the Markdown after the front matter).
    front_matter = GuideRecord.model_json_schema()
    for derived in ("slug", "body"):
        front_matter["properties"].pop(derived)
        front_matter["required"].remove(derived)
    schemas[GUIDE_SCHEMA] = {
        "$schema": JSON_SCHEMA_DIALECT,
        "title": "fixtures/guides/<slug>.md front matter",
        "description": "The YAML between the --- lines of a guide; see docs/content-format.md.",
        **front_matter,
    }
    return schemas


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, schema in file_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        paths.append(path)
    return paths
