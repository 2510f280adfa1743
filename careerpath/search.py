"""Site search: an index of every public page, ranked full-text search on PostgreSQL and a
plain word search on SQLite that finds the same things for ordinary words."""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection, transaction
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import SearchEntry
from .registry import KINDS

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
PER_GROUP = 10
SNIPPET_WIDTH = 160
TITLE_FIT_WEIGHT = 0.25  # a tie-break among title matches, below a whole weight class
# Letters and digits only: every term is then a safe tsquery operand and a plain LIKE pattern.
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's English stop words (the Snowball list); PostgreSQL ignores them, so the SQLite
# search and the highlighting do too.
_SNOWBALL_ENGLISH = """
a about above after again against all am an and any are as at be because been before being
below between both but by can did do does doing don down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such t than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with you your yours yourself yourselves
"""
STOP_WORDS = frozenset(_SNOWBALL_ENGLISH.split())


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- index ---------------------------------------------------------------------------------


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


def search(raw: str | None, per_group: int = PER_GROUP) -> Results:
    """The best matches of each kind, kinds with the best match first; one query."""
    text, terms, truncated = clean_query(raw)
    if not terms:
        return Results(text, [], [], truncated)
    find = _postgresql_hits if is_postgresql() else _plain_hits
    rows = find(terms, per_group)
    pattern = highlight_pattern(terms)
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
    return Results(text, terms, ordered, truncated)


def title_fit(title: str, pattern: re.Pattern) -> float:
    """The share of the title's words that match: "Operations Manager" fits "managers" better
    than "Senior Operations Manager" does, though both titles contain the word."""
    words = WORD.findall(title)
    return len(pattern.findall(title)) / len(words) if words else 0.0


def tsquery(terms: list[str]) -> SearchQuery:
    # Every word must match; the last matches as a prefix, so results appear while a person
    # is still typing. Terms are letters and digits only, quoted besides, so the raw query
    # cannot be malformed whatever was typed.
    operands = [f"'{t}'" for t in terms]
    operands[-1] += ":*"
    return SearchQuery(" & ".join(operands), search_type="raw", config="english")


def _postgresql_hits(terms: list[str], per_group: int):
    """Ranked by the weighted vector (title A, summary B, body C) through the GIN index."""
    query = tsquery(terms)
    rank = SearchRank(F("search_vector"), query)
    rows = (
        SearchEntry.objects.filter(search_vector=query)
        .annotate(
            rank=rank,
            position=Window(
                RowNumber(), partition_by=[F("kind")], order_by=[rank.desc(), F("title").asc()]
            ),
            kind_total=Window(Count("pk"), partition_by=[F("kind")]),
        )
        .filter(position__lte=per_group)
        .defer("search_vector")
        .order_by("kind", "position")
    )
    return [(row, row.rank, row.kind_total) for row in rows]


def stem(word: str) -> str:
    """A crude English stem that is a prefix of the word's other forms ("managers" and
    "management" -> "manag", "salaries" and "salary" -> "salar"). The SQLite search and the
    highlighting match it at the start of a word."""
    for suffix, keep in (
        ("ments", 4),
        ("ment", 4),
        ("ies", 4),
        ("ing", 4),
        ("ers", 5),
        ("er", 5),
        ("ed", 4),
        ("es", 4),
        ("s", 4),
        ("y", 4),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[: -len(suffix)]
    return word


def word_start_pattern(stems: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def _plain_hits(terms: list[str], per_group: int):
    """The SQLite search: every word's stem must start a word in the title, summary or body;
    a title match counts most, then the summary, then the body."""
    stems = [stem(t) for t in terms]
    condition = Q()
    for s in stems:
        condition &= Q(title__icontains=s) | Q(summary__icontains=s) | Q(body__icontains=s)
    patterns = [word_start_pattern([s]) for s in stems]
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
        rows += [(entry, score, len(scored)) for entry, score in scored[:per_group]]
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
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
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
