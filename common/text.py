"""Small helpers for text: English sentences built from content, and text from visitors."""

# Titles whose first letter is a vowel letter but not a vowel sound ("a Unit Manager").
_CONSONANT_SOUND = ("uni", "use", "usu", "one")
# Acronyms read letter by letter whose first letter sounds like a vowel ("an MBA", "an SOP").
_VOWEL_SOUND_LETTERS = "AEFHILMNORSX"


def with_article(noun: str) -> str:
    """The noun with "a" or "an" by how it sounds: "an Operations Manager", "a Director",
    "a VP of Operations", "an MBA"."""
    word = noun.split(" ", 1)[0] if noun else ""
    if not word:
        return noun
    if len(word) > 1 and word.isupper():
        vowel_sound = word[0] in _VOWEL_SOUND_LETTERS
    else:
        vowel_sound = word[0].lower() in "aeiou" and not word.lower().startswith(_CONSONANT_SOUND)
    return f"{'an' if vowel_sound else 'a'} {noun}"


def nameable(text: str) -> bool:
    """Whether a text from a visitor could name something (a role, a certification): no name
    holds a NUL, which PostgreSQL refuses in any query, so a text with one names nothing and
    is never sent."""
    return "\x00" not in text
