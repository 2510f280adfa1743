"""Site search: an index of every public page, ranked full-text search on PostgreSQL and a
plain word search on SQLite that finds the same things for ordinary words."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import Role, Skill

from .models import SearchEntry

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
RESULTS_LIMIT = 40
WORD = re.compile(r"\w+", re.UNICODE)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- index -----------------------------------------------------------------------------------


def _role_entry(role: Role) -> SearchEntry:
    kpis = " ".join(f"{k.get('name', '')} {k.get('measure', '')}" for k in role.kpis)
    body = " ".join([*role.responsibilities, kpis, role.education, role.focus_manufacturing,
                     role.focus_services, role.focus_technology])
    return SearchEntry(kind=SearchEntry.Kind.ROLE, slug=role.slug, title=role.title,
                       summary=f"{role.headline} {role.summary}", body=body,
                       url=role.get_absolute_url())


def _skill_entry(skill: Skill) -> SearchEntry:
    needed_by = sorted(skill.role_skills.all(), key=lambda rs: (-rs.level, rs.role.rank))
    url = needed_by[0].role.get_absolute_url() + "#skills" if needed_by else "/roles/"
    return SearchEntry(kind=SearchEntry.Kind.SKILL, slug=skill.slug, title=skill.name,
                       summary=skill.description,
                       body=" ".join(rs.role.title for rs in needed_by), url=url)


def _certification_entry(cert: Certification) -> SearchEntry:
    return SearchEntry(
        kind=SearchEntry.Kind.CERTIFICATION, slug=cert.slug,
        title=f"{cert.acronym} – {cert.name}",
        summary=f"{cert.get_focus_display()}. {cert.audience}",
        body=" ".join([cert.issuer.name, cert.issuer.abbreviation, cert.eligibility,
                       cert.renewal, cert.exam_format]),
        url=cert.get_absolute_url(),
    )


def _faq_entry(faq: FAQ) -> SearchEntry:
    return SearchEntry(kind=SearchEntry.Kind.FAQ, slug=faq.slug, title=faq.question,
                       summary=faq.get_category_display(), body=faq.answer,
                       url=faq.get_absolute_url())


def _guide_entry(guide: Guide) -> SearchEntry:
    return SearchEntry(kind=SearchEntry.Kind.GUIDE, slug=guide.slug, title=guide.title,
                       summary=guide.summary, body=guide.body, url=guide.get_absolute_url())


def build_entries() -> list[SearchEntry]:
    return [
        *map(_role_entry, Role.objects.all()),
        *map(_skill_entry, Skill.objects.prefetch_related("role_skills__role")),
        *map(_certification_entry, Certification.objects.select_related("issuer")),
        *map(_faq_entry, FAQ.objects.published()),
        *map(_guide_entry, Guide.objects.published()),
    ]


@transaction.atomic
def rebuild_index() -> int:
    entries = build_entries()
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    if is_postgresql():
        SearchEntry.objects.update(search_vector=weighted_vector())
    return len(entries)


def weighted_vector():
    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )


# --- query -----------------------------------------------------------------------------------


@dataclass
class Hit:
    entry: SearchEntry
    score: float
    snippet: SafeString


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)


@dataclass
class Results:
    query: str
    terms: list[str]
    groups: list[Group]
    truncated: bool = False

    @property
    def count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


def clean_query(raw: str | None) -> tuple[str, list[str], bool]:
    """The query as shown back, its words, and whether it was cut to the maximum length."""
    text = " ".join((raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH]
    terms = [w.lower() for w in WORD.findall(text)][:MAX_TERMS]
    return text, terms, truncated


def search(raw: str | None, limit: int = RESULTS_LIMIT) -> Results:
    text, terms, truncated = clean_query(raw)
    if not terms:
        return Results(text, [], [], truncated)
    scored = _postgresql_hits(terms, limit) if is_postgresql() else _plain_hits(terms, limit)
    groups: dict[str, Group] = {}
    for entry, score in scored:
        group = groups.setdefault(entry.kind, Group(entry.kind, entry.get_kind_display()))
        group.hits.append(Hit(entry, score, highlight(entry, terms)))
    return Results(text, terms, list(groups.values()), truncated)


def _postgresql_hits(terms: list[str], limit: int):
    # Words are plain \w+ tokens, so the raw tsquery below cannot be malformed; the last word
    # matches as a prefix so results appear while a person is still typing.
    expression = " & ".join(f"{t}:*" if i == len(terms) - 1 else t for i, t in enumerate(terms))
    query = SearchQuery(expression, search_type="raw", config="english")
    rows = (
        SearchEntry.objects.filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "title")[:limit]
    )
    return [(row, row.rank) for row in rows]


def stem(word: str) -> str:
    """A crude English stem, enough for plurals and -ing forms in the SQLite fallback."""
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ers", "er"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + replacement
    return word


def _plain_hits(terms: list[str], limit: int):
    stems = [stem(t) for t in terms]
    condition = Q()
    for s in stems:
        condition &= Q(title__icontains=s) | Q(summary__icontains=s) | Q(body__icontains=s)
    scored = []
    for entry in SearchEntry.objects.filter(condition):
        title, summary, body = entry.title.lower(), entry.summary.lower(), entry.body.lower()
        score = sum(1.0 * (s in title) + 0.4 * (s in summary) + 0.1 * (s in body) for s in stems)
        scored.append((entry, score))
    scored.sort(key=lambda pair: (-pair[1], pair[0].title))
    return scored[:limit]


def highlight(entry: SearchEntry, terms: list[str], width: int = 160) -> SafeString:
    """A short extract of the entry with the searched words marked, HTML-escaped first."""
    text = entry.summary or entry.body
    stems = [stem(t) for t in terms]
    pattern = re.compile("|".join(re.escape(s) for s in stems), re.IGNORECASE) if stems else None
    start = 0
    if pattern:
        match = pattern.search(text) or pattern.search(entry.body)
        if match and match.string is entry.body:
            text = entry.body
        if match:
            start = max(0, match.start() - width // 3)
    extract = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    escaped = escape(extract)
    if pattern:
        escaped_pattern = re.compile(
            "|".join(re.escape(escape(s)) for s in stems), re.IGNORECASE
        )
        escaped = escaped_pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped)
    return mark_safe(prefix + escaped + suffix)  # noqa: S308 - built from escaped text
