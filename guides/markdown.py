"""Markdown to safe HTML: rendered once when the text changes, then only printed."""

from dataclasses import dataclass

import markdown
import nh3

EXTENSIONS = ["toc", "tables", "footnotes", "sane_lists", "attr_list", "def_list", "abbr"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": False, "toc_depth": "2-3", "anchorlink": False},
    "footnotes": {"BACKLINK_TITLE": "Back to reference %d"},
}

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title"},
    "a": {"href"},
    "abbr": {"title"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[dict]  # [{"id", "name", "level", "children": [...]}]


def sanitise(html: str) -> str:
    """Strip everything a browser could run: scripts, event handlers, javascript: links."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render(text: str) -> Rendered:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    html = md.convert(text or "")
    # Guides start their sections at h2 under the page's own h1; demote a stray h1.
    html = html.replace("<h1", "<h2").replace("</h1>", "</h2>")
    return Rendered(html=sanitise(html), toc=_plain_toc(md.toc_tokens))


def _plain_toc(tokens) -> list[dict]:
    return [
        {
            "id": t["id"],
            "name": nh3.clean(t["name"], tags=set()),
            "level": t["level"],
            "children": _plain_toc(t.get("children", [])),
        }
        for t in tokens
    ]


def word_count(text: str) -> int:
    return len((text or "").split())


def reading_minutes(text: str, words_per_minute: int = 220) -> int:
    return max(1, round(word_count(text) / words_per_minute))
