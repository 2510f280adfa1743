"""Markdown to safe HTML: rendered once when the text changes, then only printed."""

import html as html_lib
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import markdown.extensions.toc
import nh3

# Longest Markdown an editor may save or preview. The largest guide is about 9,200 characters,
# the longest FAQ answer about 700. At these lengths the slowest text found that passes
# `check_renderable` (thousands of identical headings, or of abbreviations) renders in one to
# two seconds, nested brackets in a tenth of that (tests/security/test_markdown_limits.py).
MAX_GUIDE_BODY = 20_000
MAX_FAQ_ANSWER = 3_000
MAX_MARKDOWN = max(MAX_GUIDE_BODY, MAX_FAQ_ANSWER)
# Python-Markdown looks for the closing bracket of every `[` (and the closing parenthesis after
# every `](`) to the end of the paragraph: time grows with length × depth of nesting, and
# every `[` left open counts as a level. Real text nests two or three deep.
MAX_NESTING = 16

# Ids of the page around rendered Markdown (base layout, guide and FAQ pages): a heading must
# never take one of them, or the skip link and the page's own anchors would jump into the text.
RESERVED_IDS = frozenset(
    {"main", "content-main", "site-search-q", "site-search-live", "guide-title",
     "guide-related-title", "faq-list", "faq-q"}
)  # fmt: skip
RESERVED_ID_PREFIXES = ("faq-topic-",)
# Classes the Markdown features write themselves; any other class would borrow the site's styles.
ALLOWED_CLASSES = {
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote", "toc"},
}
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_HEADING_ID = re.compile(r"^[\w-]+$")
_FOOTNOTE_ID = re.compile(r"^fn(?:ref\d*)?:[\w-]+$")


class MarkdownRefused(ValueError):
    """Markdown too long or too deeply nested to render in reasonable time."""


def _heading_id_allowed(value: str) -> bool:
    return (
        bool(_HEADING_ID.match(value))
        and value not in RESERVED_IDS
        and not value.startswith(RESERVED_ID_PREFIXES)
    )


def _slugify(value: str, separator: str) -> str:
    slug = markdown.extensions.toc.slugify(value, separator)
    if not slug or _heading_id_allowed(slug):
        return slug  # an empty slug gets toc's own numbered id
    return f"{slug}{separator}section"


EXTENSIONS = ["toc", "tables", "footnotes", "sane_lists", "attr_list", "def_list", "abbr"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False, "toc_depth": "2-3", "anchorlink": False, "slugify": _slugify},
    # U+FE0E keeps the return arrow a text glyph rather than an emoji on phones.
    "footnotes": {"BACKLINK_TITLE": "Back to reference %d", "BACKLINK_TEXT": "&#8617;&#xFE0E;"},
}

# fmt: off
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
# fmt: on
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

# Wide tables scroll inside their own box on small screens; the box is a labelled, focusable
# region so keyboard users can scroll it too. Each region needs its own name (landmarks with the
# same name cannot be told apart), so it is named after the heading the table sits under.
TABLE_SCROLL_OPEN = '<div class="table-scroll" role="region" tabindex="0" aria-label="{label}">'
TABLE_SCROLL_CLOSE = "</div>"
_TABLE_OPEN = re.compile(r"<table\b")
_HEADING = re.compile(r"<h[2-6][^>]*>(.*?)</h[2-6]>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict]  # [{"id", "name" (plain text), "level", "children": [...]}]


def _allowed_attribute(tag: str, name: str, value: str) -> str | None:
    """Keep only the ids and classes the Markdown features produce (nh3's attribute_filter)."""
    if name == "class":
        kept = [c for c in value.split() if c in ALLOWED_CLASSES.get(tag, ())]
        return " ".join(kept) or None
    if name == "id":
        if tag in HEADINGS and _heading_id_allowed(value):
            return value
        if tag in {"li", "sup"} and _FOOTNOTE_ID.match(value):
            return value
        return None
    return value


def sanitise(html: str) -> str:
    """Strip everything a browser could run (scripts, event handlers, javascript: links) and
    every id or class the page's own could collide with."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_allowed_attribute,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


_BLOCK_BREAK = re.compile(r"\n[ \t>]*\n")
_BRACKETS = re.compile(r"[\[\]()]")


def check_renderable(text: str, *, max_length: int = MAX_MARKDOWN) -> None:
    """Raise MarkdownRefused, with a message for the editor, before slow text is rendered."""
    if len(text) > max_length:
        raise MarkdownRefused(
            f"Keep it to {max_length:,} characters (this has {len(text):,}); "
            "split a longer text into two."
        )
    for block in _BLOCK_BREAK.split(text):
        depth = {"[": 0, "(": 0}
        for match in _BRACKETS.finditer(block):
            char = match.group()
            opener = "[" if char in "[]" else "("
            if char == opener:
                depth[opener] += 1
                if depth[opener] > MAX_NESTING:
                    raise MarkdownRefused(
                        f"Brackets nest more than {MAX_NESTING} deep, or too many "
                        f"“{opener}” are never closed; close each bracket you open."
                    )
            elif depth[opener]:
                depth[opener] -= 1


def wrap_tables(safe_html: str) -> str:
    """Put each table of already sanitised HTML in a scrolling box.

    Only safe on nh3's output: it escapes `<` in text and in attribute values, so `<table`
    and `</table>` there can only be the tags themselves.
    """
    seen: dict[str, int] = {}

    def opening(match):
        headings = _HEADING.findall(safe_html, 0, match.start())
        under = html_lib.unescape(_TAG.sub("", headings[-1])).strip() if headings else ""
        label = f"Table: {under}" if under else "Table"
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label = f"{label} ({seen[label]})"
        return TABLE_SCROLL_OPEN.format(label=html_lib.escape(label, quote=True)) + match.group(0)

    wrapped = _TABLE_OPEN.sub(opening, safe_html)
    return wrapped.replace("</table>", "</table>" + TABLE_SCROLL_CLOSE)


def render(text: str) -> Rendered:
    """Safe HTML and the table of contents; MarkdownRefused for text too slow or deep to render."""
    text = text or ""
    check_renderable(text)
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    try:
        html = md.convert(text)
    except RecursionError as exc:  # e.g. hundreds of definition-list items in a row
        raise MarkdownRefused(
            "This text nests too deeply to show; separate its lists and quotes with blank lines."
        ) from exc
    # Guides start their sections at h2 under the page's own h1; demote a stray h1.
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return Rendered(
        html=mark_checklists(wrap_tables(sanitise(html))), toc=_plain_toc(md.toc_tokens)
    )


_TASK = re.compile(r"<li>(?:<p>)?\[( |x|X)\] ")


def mark_checklists(html: str) -> str:
    """Show Markdown task items (`- [ ] step`) as a checklist rather than literal brackets."""

    def box(match):
        done = match.group(1) != " "
        symbol, state = ("☑", "done") if done else ("☐", "to do")
        opening = match.group(0)[: -len(f"[{match.group(1)}] ")].replace(
            "<li>", '<li class="task">'
        )
        return (
            f'{opening}<span class="task__box" aria-hidden="true">{symbol}</span>'
            f'<span class="visually-hidden">{state}: </span>'
        )

    return _TASK.sub(box, html)


def _plain_toc(tokens) -> list[dict]:
    # A heading whose id the sanitiser dropped (an editor's `{: #main }`) has no anchor to list.
    return [
        {
            "id": t["id"],
            "name": html_lib.unescape(nh3.clean(t["name"], tags=set())),
            "level": t["level"],
            "children": _plain_toc(t.get("children", [])),
        }
        for t in tokens
        if _heading_id_allowed(t["id"])
    ]


class _TextExtractor(HTMLParser):
    # Footnote markers and back-links are navigation, not words a reader would search for.
    SKIPPED_CLASSES = {"footnote-ref", "footnote-backref"}
    VOID = {"br", "hr", "img", "wbr"}
    INLINE = {"a", "abbr", "b", "code", "del", "em", "i", "mark", "span", "strong", "sub", "sup"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            pass
        elif self.skipping:
            self.skipping += 1
        elif set((dict(attrs).get("class") or "").split()) & self.SKIPPED_CLASSES:
            self.skipping = 1
        self._separate(tag)

    def handle_startendtag(self, tag, attrs):
        self._separate(tag)

    def handle_endtag(self, tag):
        if self.skipping and tag not in self.VOID:
            self.skipping -= 1
        self._separate(tag)

    def _separate(self, tag):
        # Block boundaries separate words; inline tags sit inside a word or sentence.
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """The words a reader sees in rendered HTML, on one line (for search and filtering)."""
    extractor = _TextExtractor()
    extractor.feed(html or "")
    extractor.close()
    return " ".join("".join(extractor.parts).split())


def word_count(text: str) -> int:
    return len((text or "").split())


def reading_minutes(text: str, words_per_minute: int = 220) -> int:
    return max(1, round(word_count(text) / words_per_minute))
