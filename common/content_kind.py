"""What a content type is to the loader, the exporter, search, freshness and the synthetic
copies: each app describes its types as `ContentKind`s, and `careerpath/registry.py` lists them.

A kind maps the records of one content file to model rows and back. The defaults fit a YAML
file of slugged records written to one model; a kind overrides what differs.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import models
from pydantic import BaseModel


@dataclass(frozen=True)
class ContentError:
    file: str
    record: str = ""
    field: str = ""
    message: str = ""

    def __str__(self):
        return ": ".join(
            part for part in (self.file, self.record, self.field, self.message) if part
        )


class ContentInvalid(Exception):
    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


@dataclass(frozen=True)
class IndexEntry:
    """One public page as the site search indexes it."""

    slug: str
    title: str
    summary: str
    body: str
    url: str


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    unchanged: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    deleted: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def changed(self) -> bool:
        return (
            any(self.created.values()) or any(self.updated.values()) or any(self.deleted.values())
        )


class Writer:
    """Creates, updates and counts the rows of one load."""

    def __init__(self, report: LoadReport):
        self.report = report
        self.counted: set[tuple[str, int]] = set()
        self.touched: set[tuple[str, int]] = set()  # rows whose relations alone changed

    def sync(self, kind: "ContentKind", records, resolved) -> tuple[dict, list]:
        """One row per record, matched by key: (rows by key, existing rows no record matched)."""
        name = kind.name
        existing = {kind.object_key(obj): obj for obj in kind.queryset()}
        objects = {}
        for record in records:
            key = kind.key(record)
            values = kind.values(record, resolved)
            obj = existing.get(key)
            if obj is None:
                obj = kind.model(**values)
                obj.save()
                self.counted.add((name, obj.pk))
                self.report.created[name] += 1
            else:
                changed = [n for n, value in values.items() if getattr(obj, n) != value]
                for n in changed:
                    setattr(obj, n, values[n])
                if changed:
                    obj.save()
                    self.report.updated[name] += 1
                    self.touched.discard((name, obj.pk))
                    self.counted.add((name, obj.pk))
                else:
                    self.report.unchanged[name] += 1
            objects[key] = obj
        stale = [obj for key, obj in existing.items() if key not in objects]
        self.report.missing[name] = sorted(
            " ".join(map(str, key)) if isinstance(key, tuple) else str(key)
            for key in existing.keys() - objects.keys()
        )
        return objects, stale

    def set_m2m(self, kind: "ContentKind", obj, name: str, targets) -> None:
        manager = getattr(obj, name)
        wanted = {target.pk for target in targets}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            self.mark_touched(kind, obj)

    def mark_touched(self, kind: "ContentKind", obj) -> None:
        if (kind.name, obj.pk) not in self.counted:
            self.touched.add((kind.name, obj.pk))

    def count_touched(self) -> None:
        """A change to relations only counts as one update of the record that owns them."""
        for name, _pk in self.touched:
            self.report.updated[name] += 1
            self.report.unchanged[name] -= 1


class _Dumper(yaml.SafeDumper):
    pass


def _represent_text(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class ContentKind:
    """One content type. Subclasses set the class attributes and override what differs."""

    name: str  # the key in reports and references, e.g. "roles"
    noun: str  # one record, as errors name it: "role"
    file: str  # e.g. "roles.yaml"
    schema: type[BaseModel]
    model: type[models.Model]
    extra_models: tuple[type[models.Model], ...] = ()  # rows it writes besides `model`
    search_label: str = ""  # the heading of its search results; empty: not searched
    sitemap = None  # a django.contrib.sitemaps.Sitemap class, if its pages are listed

    # --- reading ---------------------------------------------------------------------------

    def read(self, path: Path, display: str) -> tuple[list[tuple[str, object]], list]:
        """[(file shown in errors, raw record)] from the kind's file, and any errors."""
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            return [], [ContentError(display, where, "", f"not valid YAML: {problem}")]
        except UnicodeDecodeError:
            return [], [ContentError(display, message="is not UTF-8 text")]
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            return [], [ContentError(display, message="must be a list of records")]
        return [(display, item) for item in raw], []

    def label(self, raw, index: int) -> str:
        """How errors name a record: its slug, or its position."""
        if isinstance(raw, dict) and isinstance(raw.get("slug"), str) and raw["slug"]:
            return raw["slug"]
        return f"record {index + 1}"

    def key(self, record):
        return record.slug

    def record_file(self, display: str, record) -> str:
        """The file errors name for a record found after parsing."""
        return display

    def record_label(self, record) -> str:
        """How errors found after parsing name a record."""
        return str(self.key(record))

    def references(self, record) -> Iterable[tuple[str, str, Iterable[str]]]:
        """(field, kind name, slugs) for every field that names records of another kind."""
        return ()

    def check(self, records: list, file: str) -> list[ContentError]:
        """Rules that need all records of the file at once (a loop in the ladder, say)."""
        return []

    def known_keys(self) -> set:
        return set(self.model.objects.values_list("slug", flat=True))

    # --- writing ---------------------------------------------------------------------------

    def queryset(self):
        return self.model.objects.all()

    def object_key(self, obj):
        return obj.slug

    def values(self, record, resolved: dict) -> dict:
        """The model's field values for one record; `resolved` holds written rows by kind."""
        return record.model_dump()

    def relate(self, records, objects: dict, resolved: dict, writer: Writer) -> None:
        """Write what a record owns beyond its own row (many-to-many links, child rows)."""

    # --- exporting -------------------------------------------------------------------------

    def export(self, path: Path) -> list[Path]:
        """Write the kind's file from the database; return the paths written."""
        path.write_text(dump_yaml(self.export_records()), encoding="utf-8")
        return [path]

    def export_records(self) -> list[dict]:
        raise NotImplementedError

    # --- beyond the files ------------------------------------------------------------------

    def search_entries(self) -> Iterable[IndexEntry]:
        return ()

    def synthesize(self, i: int, originals: list, copies: dict) -> dict:
        """Copy number `i` of `originals`: {original pk: saved copy}. Empty: not copied."""
        return {}

    def originals(self, copy_slug: str) -> list:
        """The real rows to copy (not earlier synthetic copies, whose slugs match copy_slug)."""
        return []

    @property
    def models(self) -> tuple[type[models.Model], ...]:
        return (self.model, *self.extra_models)
