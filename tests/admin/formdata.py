"""What a browser would submit from a form on an admin page: read the page, change a few
fields, post it back — so tests exercise the real form, inlines and management forms included."""

from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "image", "file", "reset"}


class _FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.values: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._multiple = False
        self._options: list[tuple[str, bool]] = []

    def _add(self, name: str, value: str) -> None:
        if "__prefix__" not in name:  # the blank template of an inline's "add another"
            self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = (a.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS or (kind in {"checkbox", "radio"} and "checked" not in a):
                return
            self._add(name, a.get("value") or ("on" if kind in {"checkbox", "radio"} else ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._multiple, self._options = name, "multiple" in a, []
        elif tag == "option" and self._select:
            self._options.append((a.get("value") or "", "selected" in a))

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self._add(self._textarea, text[1:] if text.startswith("\n") else text)
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self.values.setdefault(self._select, [])
            for value in chosen:
                self._add(self._select, value)
            self._select = None


def form_values(html: str, form_id: str) -> dict[str, list[str]]:
    reader = _FormReader(form_id)
    reader.feed(html)
    assert reader.values, f"no form #{form_id} on the page"
    return reader.values


def admin_form_id(url: str) -> str:
    # /admin/<app>/<model>/... -> the admin's form id, "<model>_form"
    return url.strip("/").split("/")[2] + "_form"


def read_form(client, url: str) -> dict[str, list[str]]:
    """The values the admin form at `url` would submit as it stands."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return form_values(page.content.decode(), admin_form_id(url))


def submit(client, url: str, changes: dict | None = None, **extra):
    """GET the admin form at `url`, apply `changes` (name -> value or list), POST it back."""
    data = read_form(client, url)
    for name, value in (changes or {}).items():
        if value is None:
            data.pop(name, None)  # an unticked checkbox
        else:
            data[name] = value if isinstance(value, list) else [str(value)]
    data.setdefault("_save", ["Save"])
    return client.post(url, data, **extra)


def inline_row(values: dict, prefix: str, field: str, value: str) -> int:
    """The index of the inline form in `prefix` whose `field` is `value`."""
    total = int(values[f"{prefix}-TOTAL_FORMS"][0])
    for index in range(total):
        if values.get(f"{prefix}-{index}-{field}") == [value]:
            return index
    raise LookupError(f"no {prefix} row with {field}={value}")
