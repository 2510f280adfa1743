"""Site search: an index of every public page, ranked full-text search on PostgreSQL and a
plain word search on SQLite that finds the same things for ordinary words."""

import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from guides import selectors as guide_selectors

from . import vocabulary
from .models import SearchEntry, SearchWord, Synonym
from .registry import KINDS
from .words import STOP_WORDS, WORD, stem, word_start_pattern

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
PER_GROUP = 10
SNIPPET_WIDTH = 160
TITLE_FIT_WEIGHT = 0.25  # a tie-break among title matches, below a whole weight class


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- index -----------------------------------------------------------------------------------


def searched_kinds():
    return [kind for kind in KINDS if kind.search_label]


def build_entries() -> list[SearchEntry]:
    return [
        SearchEntry(kind=kind.name, **vars(entry))
        for kind in searched_kinds()
        for entry in kind.search_entries()
    ]


@transaction.atomic
def rebuild_index() -> int:
    entries = build_entries()
    SearchEntry.objects.all().delete()
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    texts = (text for e in entries for text in (e.title, e.summary, e.body))
    words = vocabulary.build_vocabulary(texts, Synonym.objects.values_list("words", flat=True))
    SearchWord.objects.all().delete()
    SearchWord.objects.bulk_create(words, batch_size=1000)
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
    entry: "FoundEntry | SearchEntry"  # as PostgreSQL's search or SQLite's reads it
    score: float
    title_html: SafeString
    snippet: SafeString


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0  # matches of this kind, of which the best PER_GROUP are in hits

    @property
    def more(self) -> int:
        return self.total - len(self.hits)


@dataclass
class Results:
    query: str
    terms: list[str]
    groups: list[Group]
    truncated: bool = False
    widened: list[list[str]] = field(default_factory=list)  # each term with its alternatives

    @property
    def count(self) -> int:
        return sum(len(g.hits) for g in self.groups)

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)


def clean_query(raw: str | None) -> tuple[str, list[str], bool]:
    """The query as shown back (printable characters, at most 100), its searchable words, and
    whether it was cut to the maximum length."""
    printable = "".join(ch for ch in (raw or "") if ch.isprintable() or ch.isspace())
    text = " ".join(printable.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    words = (w.lower() for w in WORD.findall(text))
    terms = list(dict.fromkeys(w for w in words if w not in STOP_WORDS))[:MAX_TERMS]
    return text, terms, truncated


def search(
    raw: str | None, per_group: int | None = PER_GROUP, kinds: list[str] | None = None
) -> Results:
    """The best matches of each kind (of `kinds`, or all; `per_group` of each, or every one),
    kinds with the best match first.
    Each word also matches its synonyms and, when the index does not hold it, the words it
    is probably a typo of. Two queries: the vocabulary, then the index (three when a word may
    be a typo: vocabulary.widen)."""
    text, terms, truncated = clean_query(raw)
    if not terms:
        return Results(text, [], [], truncated)
    widened = vocabulary.widen(terms)
    find = _postgresql_hits if is_postgresql() else _plain_hits
    rows = find(widened, per_group, kinds)
    pattern = highlight_pattern([word for words in widened for word in words])
    labels = {kind.name: kind.search_label for kind in searched_kinds()}
    order = list(labels)
    groups: dict[str, Group] = {}
    for entry, rank, total in rows:
        group = groups.setdefault(entry.kind, Group(entry.kind, labels[entry.kind]))
        group.total = total
        score = rank + TITLE_FIT_WEIGHT * title_fit(entry.title, pattern)
        group.hits.append(Hit(entry, score, mark(entry.title, pattern), snippet(entry, pattern)))
    for group in groups.values():
        group.hits.sort(key=lambda hit: (-hit.score, hit.entry.title))
    ordered = sorted(groups.values(), key=lambda g: (-g.hits[0].score, order.index(g.kind)))
    return Results(text, terms, ordered, truncated, widened)


def title_fit(title: str, pattern: re.Pattern) -> float:
    """The share of the title's words that match: "Operations Manager" fits "managers" better
    than "Senior Operations Manager" does, though both titles contain the word."""
    words = WORD.findall(title)
    return len(pattern.findall(title)) / len(words) if words else 0.0


def tsquery_text(terms: list[str | list[str]]) -> str:
    # Every term must match, as itself or one of its alternatives; the last term matches as a
    # prefix, so results appear while a person is still typing. Words are letters and digits
    # only, quoted besides, so the raw query cannot be malformed whatever was typed.
    groups = [[term] if isinstance(term, str) else term for term in terms]
    operands = []
    for position, words in enumerate(groups, start=1):
        quoted = [f"'{word}'" for word in words]
        if position == len(groups):
            quoted[0] += ":*"
        operands.append("(" + " | ".join(quoted) + ")")
    return " & ".join(operands)


# The columns a hit shows (the vector stays in the database).
HIT_FIELDS = ("id", "kind", "slug", "title", "summary", "body", "url")


class FoundEntry(NamedTuple):
    """An index entry as a hit shows it: the columns of `HIT_FIELDS`, read without building
    a model instance for each of a search's few dozen hits."""

    id: int
    kind: str
    slug: str
    title: str
    summary: str
    body: str
    url: str


def _postgresql_hits(widened: list[list[str]], per_group: int, kinds: list[str] | None = None):
    """Ranked by the weighted vector (title A, summary B, body C) through the GIN index: the
    best `per_group` of each kind (or all), each with its rank and how many of its kind
    matched. Plain SQL: building this query with the ORM cost more than running it."""
    params: list = [tsquery_text(widened)]
    where = "e.search_vector @@ q.query"
    if kinds:
        where += f" AND e.kind IN ({', '.join(['%s'] * len(kinds))})"
        params += kinds
    # At most this many hits in all, said outright: the planner then reads the columns shown
    # by key for those few, rather than the whole index beside every match.
    most = per_group * len(kinds or searched_kinds()) if per_group else None
    params += [per_group or None] * 2 + [most]
    with connection.cursor() as cursor:
        cursor.execute(_hits_sql(where), params)
        rows = cursor.fetchall()
    count = len(HIT_FIELDS)
    return [(FoundEntry(*row[:count]), row[count], row[count + 1]) for row in rows]


def _hits_sql(where: str) -> str:
    # Every match is ranked and counted reading only its vector; the columns a hit shows
    # (a body runs to a few kilobytes) are read for the best of each kind alone.
    table = connection.ops.quote_name(SearchEntry._meta.db_table)
    columns = ", ".join(f"e.{name}" for name in HIT_FIELDS)
    rank = "ts_rank(e.search_vector, q.query)"
    return (
        f"SELECT {columns}, hits.rank, hits.kind_total FROM ("
        "SELECT id, rank, position, kind_total FROM ("
        f"SELECT e.id, {rank} AS rank, "
        f"ROW_NUMBER() OVER (PARTITION BY e.kind ORDER BY {rank} DESC, e.title ASC) AS position, "
        "COUNT(*) OVER (PARTITION BY e.kind) AS kind_total "
        f"FROM {table} e, to_tsquery('english'::regconfig, %s) AS q(query) WHERE {where}"
        ") ranked WHERE %s::integer IS NULL OR position <= %s::integer LIMIT %s"
        f") hits JOIN {table} e ON e.id = hits.id ORDER BY e.kind, hits.position"
    )


def _plain_hits(widened: list[list[str]], per_group: int, kinds: list[str] | None = None):
    """The SQLite search: for every term, the stem of the term or of one of its alternatives
    must start a word in the title, summary or body; a title match counts most, then the
    summary, then the body."""
    condition = Q(kind__in=kinds) if kinds else Q()
    patterns = []
    for words in widened:
        stems = list(dict.fromkeys(stem(word) for word in words))
        either = Q()
        for s in stems:
            either |= Q(title__icontains=s) | Q(summary__icontains=s) | Q(body__icontains=s)
        condition &= either
        patterns.append(word_start_pattern(stems))
    by_kind: dict[str, list] = {}
    for entry in SearchEntry.objects.filter(condition).defer("search_vector"):
        score = 0.0
        for pattern in patterns:
            in_title = bool(pattern.search(entry.title))
            in_summary = bool(pattern.search(entry.summary))
            in_body = len(pattern.findall(entry.body))
            if not (in_title or in_summary or in_body):
                break  # icontains also matches inside words; this word is not really here
            score += 1.0 * in_title + 0.4 * in_summary + 0.1 * min(in_body, 1)
            score += 0.01 * min(in_body, 9)
        else:
            by_kind.setdefault(entry.kind, []).append((entry, score))
    rows = []
    for scored in by_kind.values():
        scored.sort(key=lambda pair: (-pair[1], pair[0].title))
        rows += [(entry, score, len(scored)) for entry, score in scored[: per_group or None]]
    return rows


# --- highlighting ----------------------------------------------------------------------------


def highlight_pattern(terms: list[str]) -> re.Pattern | None:
    return word_start_pattern([stem(t) for t in terms]) if terms else None


def mark(text: str, pattern: re.Pattern | None) -> SafeString:
    """The text, HTML-escaped, with every matching word in <mark>. Matches are found in the
    plain text and each piece is escaped on its own, so markup can never slip through and a
    search for "amp" cannot mark the inside of an escaped "&amp;"."""
    if pattern is None:
        return escape(text)
    # The standard library's escape, which Django's wraps: the same characters, without the
    # wrapper's cost on each of a search page's few hundred pieces.
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(html.escape(text[last : match.start()]))
        pieces.append(f"<mark>{html.escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def snippet(entry: SearchEntry, pattern: re.Pattern | None, width: int = SNIPPET_WIDTH):
    """A short extract around the first match in the summary or the body, marked."""
    text, match = entry.summary or entry.body, None
    if pattern is not None:
        for candidate in (entry.summary, entry.body):
            match = pattern.search(candidate)
            if match:
                text = candidate
                break
    start = 0
    if match and match.start() > width // 3:
        start = match.start() - width // 3
        start = text.find(" ", start, match.start()) + 1 or start  # begin on a whole word
    end = start + width
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start + width // 2 : end] else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + mark(text[start:end].strip(), pattern) + suffix)  # noqa: S308


def faq_list(raw: str | None, *, page: int | None = None):
    """The published FAQs, or those the site search finds for `raw`: the FAQ page and the API
    filter questions with the same rule as the search page (typos, synonyms). With `page`,
    that page of them (see guides.selectors.faq_list)."""
    found = search(raw, per_group=None, kinds=["faqs"])
    matched = guide_selectors.FAQFilter(
        query=found.query,
        terms=found.terms,
        slugs=frozenset(hit.entry.slug for group in found.groups for hit in group.hits),
        truncated=found.truncated,
    )
    return guide_selectors.faq_list(matched, page=page)
