"""JSON Schemas of the content files, generated from the same pydantic records the loader
validates with, so an editor's text editor can flag a wrong field as it is typed.

Each YAML file starts with `# yaml-language-server: $schema=schemas/<name>.json` (a YAML
comment, which the loader never sees; the exporter writes it too); fixtures/schemas/ holds
the files this writes."""

import json
from pathlib import Path

from pydantic import TypeAdapter

from common.content_kind import schema_name

from .registry import KINDS

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
GUIDE_SCHEMA = "guide-front-matter.json"
# Parts of a guide's record that come from the file, not its front matter: the slug is the
# file name and the body is the Markdown after the front matter.
FROM_THE_FILE = ("slug", "body")


def yaml_kinds():
    return [kind for kind in KINDS if kind.file.endswith(".yaml")]


def file_schemas() -> dict[str, dict]:
    """{schema file name: JSON Schema} for every content file."""
    schemas = {}
    for kind in yaml_kinds():
        schemas[schema_name(kind.file)] = {
            "$schema": JSON_SCHEMA_DIALECT,
            "title": f"fixtures/{kind.file}",
            "description": f"A list of {kind.noun} records; see docs/content-format.md.",
            **TypeAdapter(list[kind.schema]).json_schema(),
        }
    guides = next(kind for kind in KINDS if kind.name == "guides")
    front_matter = guides.schema.model_json_schema()
    for name in FROM_THE_FILE:
        front_matter["properties"].pop(name)
        front_matter["required"].remove(name)
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
