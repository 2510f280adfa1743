"""Reading, checking, loading and exporting the content files of a list of content kinds.

Every file is parsed and validated (each kind's pydantic schema, then the references between
files and the rules that span a file) before anything is written; the writes happen in one
transaction. Errors read ``file: record: field: message``.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from pydantic import ValidationError

from .content_kind import ContentError, ContentInvalid, ContentKind, LoadReport, Writer


@dataclass
class Content:
    """Validated records of every content file found in one directory."""

    records: dict[str, list] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # kind name -> display path
    present: set[str] = field(default_factory=set)


def display_path(path: Path) -> str:
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


_MESSAGES = {
    "Field required": "is required",
    "Extra inputs are not permitted": "is not a known field",
}


def validation_errors(file: str, label: str, exc: ValidationError, fields) -> list[ContentError]:
    errors = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"])
        message = _MESSAGES.get(error["msg"], error["msg"])
        message = message.removeprefix("Value error, ").replace("Input should be", "must be")
        # A model validator names its field at the start of its message ("code_note: say…").
        first, sep, rest = message.partition(": ")
        if not loc and sep and first.split(".")[0] in fields:
            loc, message = first, rest
        if not loc:
            first_word = message.split(" ")[0]
            if first_word in fields:
                loc, message = first_word, message[len(first_word) :].strip()
        errors.append(ContentError(file, label, loc, message))
    return errors


def _parse(kind: ContentKind, raw_records, errors: list) -> list:
    records, seen = [], {}
    for index, (file, raw) in enumerate(raw_records):
        label = kind.label(raw, index)
        if not isinstance(raw, dict):
            errors.append(ContentError(file, label, "", "must be a mapping of field: value"))
            continue
        try:
            record = kind.schema.model_validate(raw)
        except ValidationError as exc:
            errors.extend(validation_errors(file, label, exc, kind.schema.model_fields))
            continue
        key = kind.key(record)
        if key in seen:
            where = "slug" if "slug" in kind.schema.model_fields else ""
            errors.append(ContentError(file, label, where, f"duplicate of record {seen[key] + 1}"))
            continue
        seen[key] = index
        records.append(record)
    return records


def read_content(kinds: list[ContentKind], directory: Path | str) -> Content:
    """Parse and validate every content file in `directory`; raise ContentInvalid on any error."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentInvalid([ContentError(display_path(directory), message="is not a directory")])
    content = Content(records={kind.name: [] for kind in kinds})
    errors: list[ContentError] = []
    for kind in kinds:
        path = directory / kind.file
        if not path.exists():
            continue
        display = display_path(path)
        content.files[kind.name] = display
        content.present.add(kind.name)
        raw_records, read_errors = kind.read(path, display)
        errors += read_errors
        content.records[kind.name] = _parse(kind, raw_records, errors)
    errors += _reference_errors(kinds, content)
    for kind in kinds:
        if kind.name in content.present:
            errors += kind.check(content.records[kind.name], content.files[kind.name])
    if errors:
        raise ContentInvalid(errors)
    return content


def _reference_errors(kinds: list[ContentKind], content: Content) -> list[ContentError]:
    by_name = {kind.name: kind for kind in kinds}
    known: dict[str, set] = {}

    def keys(name: str) -> set:
        if name not in known:
            if name in content.present:
                known[name] = {by_name[name].key(r) for r in content.records[name]}
            else:
                known[name] = by_name[name].known_keys()
        return known[name]

    errors = []
    for kind in kinds:
        for record in content.records[kind.name]:
            file = kind.record_file(content.files[kind.name], record)
            label = kind.record_label(record)
            for field_name, target, slugs in kind.references(record):
                for slug in slugs:
                    if slug not in keys(target):
                        noun = by_name[target].noun
                        errors.append(
                            ContentError(file, label, field_name, f"unknown {noun} '{slug}'")
                        )
    return errors


def load_content(
    kinds: list[ContentKind], directory: Path | str, *, prune: bool = False
) -> LoadReport:
    """Validate everything in `directory`, then write it in one transaction."""
    content = read_content(kinds, directory)
    report = LoadReport()
    with transaction.atomic():
        writer = Writer(report)
        resolved: dict[str, dict] = {}
        stale: dict[str, list] = {}
        for kind in kinds:
            if kind.name in content.present:
                records = content.records[kind.name]
                resolved[kind.name], stale[kind.name] = writer.sync(kind, records, resolved)
                kind.relate(records, resolved[kind.name], resolved, writer)
            else:
                resolved[kind.name] = {kind.object_key(o): o for o in kind.queryset()}
        writer.count_touched()
        if prune:
            for kind in reversed(kinds):
                for obj in stale.get(kind.name, []):
                    obj.delete()
                    report.deleted[kind.name] += 1
                if report.deleted[kind.name]:
                    report.missing[kind.name] = []
    return report


def export_content(kinds: list[ContentKind], directory: Path | str) -> list[Path]:
    """Write the database out as content files in `directory`; return the paths written."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds:
        written += kind.export(directory / kind.file)
    return written
