"""Small English helpers for sentences built from content."""

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
