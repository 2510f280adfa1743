"""The search's vocabulary: every word the index holds, each with its synonyms (content, from
fixtures/synonyms.yaml). A search looks its words up here to forgive a typo and to widen each
word to the ones searchers use for the same thing ("salary" also finds "pay" and "wage")."""

import difflib
from collections.abc import Iterable
from typing import Annotated

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models import Q
from django.db.models.functions import Length
from pydantic import Field, StringConstraints, field_validator

from common.content import OptionalText, Record, Slug
from common.content_kind import ContentKind

from .models import SearchWord, Synonym
from .words import STOP_WORDS, WORD, stem

MIN_TYPO_LENGTH = 4  # shorter words have too few letters to tell a typo from another word
TRIGRAM_SIMILARITY = 0.45  # PostgreSQL: "invntory" is 0.58 from "inventory"
CLOSE_RATIO = 0.8  # SQLite (difflib): "invntory" is 0.94 from "inventory"
MAX_CORRECTIONS = 2
MAX_WORD_LENGTH = 60  # SearchWord.word

Word = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+$", max_length=40)]


class SynonymRecord(Record):
    """One group of fixtures/synonyms.yaml: words a searcher may use for the same thing."""

    slug: Slug
    words: Annotated[list[Word], Field(min_length=2)]
    note: OptionalText = ""

    @field_validator("words")
    @classmethod
    def _words_are_distinct_and_searchable(cls, words: list[str]) -> list[str]:
        twice = sorted({w for w in words if words.count(w) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} appears more than once")
        common = [w for w in words if w in STOP_WORDS]
        if common:
            raise ValueError(f"{', '.join(common)} is too common a word to search for")
        return words


class Synonyms(ContentKind):
    """fixtures/synonyms.yaml: read by the search only, so it has no pages of its own."""

    name, noun, file = "synonyms", "synonym group", "synonyms.yaml"
    schema, model = SynonymRecord, Synonym

    def export_records(self):
        return [
            SynonymRecord(slug=s.slug, words=s.words, note=s.note).model_dump(mode="json")
            for s in Synonym.objects.order_by("slug")
        ]


SYNONYMS = Synonyms()


# --- building ---------------------------------------------------------------------------------


def build_vocabulary(texts: Iterable[str], groups: Iterable[list[str]]) -> list[SearchWord]:
    """Every searchable word of the texts and the synonym groups, each with the words of the
    groups it belongs to. Other forms of a group's word belong too ("salaries" as "salary")."""
    by_stem: dict[str, set[str]] = {}
    all_group_words: set[str] = set()
    for group in groups:
        all_group_words.update(group)
        for word in group:
            by_stem.setdefault(stem(word), set()).update(group)
    words = {w.lower() for text in texts for w in WORD.findall(text)} | all_group_words
    return [
        SearchWord(word=word, synonyms=sorted(by_stem.get(stem(word), set()) - {word}))
        for word in sorted(words)
        if len(word) <= MAX_WORD_LENGTH and word not in STOP_WORDS and not word.isdigit()
    ]


# --- searching --------------------------------------------------------------------------------


def widen(terms: list[str]) -> list[list[str]]:
    """For each term, the words to look for: the term itself; when the index does not hold it
    (and, for the last term, it begins no word the index holds), the closest words it does
    hold, as it is probably a typo; and the synonyms of all of these. One query for words the
    index holds, a second only when a term may be a typo."""
    if not terms:
        return []
    known = {row.word: row for row in _held(terms)}
    unsure = [
        term
        for index, term in enumerate(terms)
        if term not in known
        and len(term) >= MIN_TYPO_LENGTH
        and not (index == len(terms) - 1 and any(w.startswith(term) for w in known))
    ]
    near = list(_near(unsure)) if unsure else []
    widened = []
    for term in terms:
        if term in known:
            sources = [known[term]]
        elif term in unsure:
            sources = _closest(term, unsure.index(term), near)
        else:
            sources = []
        alternatives = [term]
        for row in sources:
            alternatives += [row.word, *row.synonyms]
        widened.append(list(dict.fromkeys(alternatives)))
    return widened


def _held(terms: list[str]):
    """The terms the vocabulary holds and, as the last term may be half typed ("invent"), the
    words it begins: words it begins are not typos of it. Through the word's own index."""
    # Plain SQL: building this query with the ORM costs more than running it. raw() still
    # decodes the synonyms as a query would.
    table = SearchWord._meta.db_table
    sql = f"SELECT id, word, synonyms FROM {table} WHERE word IN ({', '.join(['%s'] * len(terms))})"
    params = list(terms)
    if len(terms[-1]) >= MIN_TYPO_LENGTH:
        # Words are letters and digits (words.WORD), so nothing in one is a LIKE wildcard.
        sql += " OR word LIKE %s"
        params.append(f"{terms[-1]}%")
    return SearchWord.objects.raw(sql, params)


def _near(terms: list[str]):
    """The words close enough to each of these terms to be what was meant."""
    condition = Q()
    words = SearchWord.objects.annotate(length=Length("word"))
    postgresql = connection.vendor == "postgresql"
    for term in terms:
        about_as_long = Q(length__range=(len(term) - 2, len(term) + 2))
        if postgresql:
            # Trigram neighbours (`%`), and words that begin alike, which catch a swap of two
            # letters ("senoir") that shares too few trigrams; both through the trigram index.
            condition |= Q(word__trigram_similar=term)
            condition |= Q(word__startswith=term[:2]) & about_as_long
        else:
            # SQLite has no trigrams: every word of about the same length, compared in Python.
            condition |= about_as_long
    if postgresql:
        similarity = {f"similarity_{i}": TrigramSimilarity("word", t) for i, t in enumerate(terms)}
        words = words.annotate(**similarity)
    return words.filter(condition)


def _closest(term: str, index: int, rows: list[SearchWord]) -> list[SearchWord]:
    """The words the term is probably a typo of, closest first: trigram similarity (on
    PostgreSQL) or the share of letters in the same order (difflib) must be high enough."""
    matcher = difflib.SequenceMatcher(b=term, autojunk=False)
    scored = []
    for row in rows:
        matcher.set_seq1(row.word)
        ratio = matcher.ratio() if matcher.real_quick_ratio() >= CLOSE_RATIO else 0.0
        trigrams = getattr(row, f"similarity_{index}", 0.0)
        if ratio >= CLOSE_RATIO or trigrams >= TRIGRAM_SIMILARITY:
            scored.append((max(ratio, trigrams), row))
    scored.sort(key=lambda pair: (-pair[0], pair[1].word))
    return [row for _, row in scored[:MAX_CORRECTIONS]]
