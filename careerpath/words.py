"""Words as the search sees them: what counts as a word, which words are too common to
search for, and a crude stem that the SQLite search and the highlighting match on."""

import re

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
