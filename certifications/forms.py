"""The query strings of the certification pages, read and checked by Django forms."""

from django import forms

from common.pagination import BadPage, page_number
from common.text import nameable
from common.widgets import NumberInput, Select, TextInput
from roles.models import Industry, Tier

from .catalogue import CATALOGUE_FACETS
from .compare import MAX_COMPARED, MIN_COMPARED
from .fit import Growth
from .models import Focus


def _choice(label: str, any_label: str, choices, kinds: str, **kwargs) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", any_label), *choices],
        widget=Select,
        error_messages={
            "invalid_choice": f"“%(value)s” is not one of the {kinds} we list; choose one.",
            "required": f"Choose one of the {kinds}.",
        },
        **kwargs,
    )


def _issuer_label(org) -> str:
    return org.name if org.abbreviation == org.name else f"{org.abbreviation} – {org.name}"


class CatalogueFilterForm(forms.Form):
    """?focus=…&suits=…&issuer=… — every filter is optional."""

    focus = _choice("Focus", "Any focus", Focus.choices, "focus areas", required=False)
    suits = _choice("Suits roles at", "Any tier", Tier.choices, "tiers", required=False)
    issuer = _choice("Issuer", "Any issuer", [], "issuers", required=False)
    # Read by the one page-number rule the FAQ uses too (common.pagination.page_number).
    page = forms.CharField(label="Page", required=False, widget=forms.HiddenInput)

    def __init__(self, data, *, issuers, **kwargs):
        super().__init__(data, auto_id="filter-%s", label_suffix="", **kwargs)
        self.fields["issuer"].choices = [
            ("", "Any issuer"),
            *((org.slug, _issuer_label(org)) for org in issuers),
        ]

    @staticmethod
    def asked(data) -> dict:
        """The filters and the page as asked, before they are checked: what to read (the
        issuers to check against are read with the page; asked for wrongly, the form says so
        and the page read is not shown). A text that can name nothing is not sent."""
        try:
            page = page_number(data.get("page"))
        except BadPage:
            page = 1
        asked = {name: data.get(name, "") for name in CATALOGUE_FACETS}
        return {name: v if nameable(v) else "" for name, v in asked.items()} | {"page": page}

    def clean_page(self) -> int:
        try:
            return page_number(self.cleaned_data["page"])
        except BadPage as bad:
            raise forms.ValidationError(str(bad)) from None

    def filters(self) -> dict[str, str]:
        """The filters in use, for hidden inputs and links that keep them (a new filter starts
        again at the first page, so the page is not one of them)."""
        return {
            name: value for name, value in self.cleaned_data.items() if value and name != "page"
        }


class FitFinderForm(forms.Form):
    """?tier=…&grow=…(&target=…&years=…) — the first two are needed to rank anything; the
    role aimed at and the years of experience sharpen the ranking when given."""

    tier = _choice("Your tier now", "Choose your tier", Tier.choices, "tiers")
    grow = _choice("Where you want to grow", "Choose an area", Growth.choices, "growth areas")
    target = _choice("The role you aim at", "Any role", [], "roles", required=False)
    industry = _choice(
        "Your industry", "Any industry", Industry.choices, "industries", required=False
    )
    years = forms.IntegerField(
        label="Your years of experience",
        required=False,
        min_value=0,
        max_value=60,
        widget=NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
        error_messages={"invalid": "Give a whole number of years, for example 3."},
    )

    def __init__(self, data, *, roles=(), by_name=False, **kwargs):
        """`roles`: those to choose from; with `by_name` (more roles than a list holds), the
        target is typed by its title or slug instead, and `roles` holds the one it names."""
        super().__init__(data, auto_id="fit-%s", label_suffix="", **kwargs)
        self.roles = {role.slug: role for role in roles}
        self.by_name = by_name
        if by_name:
            self.fields["target"] = forms.CharField(
                label=self.fields["target"].label,
                required=False,
                max_length=120,
                widget=TextInput(
                    attrs={"autocomplete": "off", "aria-describedby": "fit-target-hint"}
                ),
            )
        else:
            self.fields["target"].choices = [
                ("", "Any role"),
                *((role.slug, role.title) for role in roles),
            ]

    @classmethod
    def from_query(cls, query, *, roles=(), by_name=False) -> "FitFinderForm":
        """Unbound (just the questions) until either needed answer is in the query string.
        A target typed by name shows as the title of the role it names."""
        if not (query.get("tier") or query.get("grow")):
            return cls(None, roles=roles, by_name=by_name)
        named = next(iter(roles), None) if by_name else None
        if named is not None:
            query = query.copy()
            query["target"] = named.title
        return cls(query, roles=roles, by_name=by_name)

    def clean_target(self) -> str:
        """The slug of the role aimed at ("" for any). Typed by name, the role is the one the
        text names (`roles.selectors.role_named`), given as `roles`."""
        text = self.cleaned_data["target"].strip()
        if not self.by_name or not text:
            return text
        if self.roles:
            return next(iter(self.roles))
        raise forms.ValidationError(
            f"We have no role called “{text[:60]}”. Type a role's title, for example "
            "Operations Manager, or leave it empty."
        )

    def answers(self) -> dict:
        """The answers given, as they go in a URL: tier, grow, and target and years if given."""
        if not (self.is_bound and self.is_valid()):
            return {}
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    @property
    def target_role(self):
        return self.roles.get(self.answers().get("target", ""))


class CompareForm(forms.Form):
    """?c=…&c=…(&diff=1): two to four certifications, in the order given.

    Duplicates are dropped (the first stays) and noted; unknown slugs, more than four and
    fewer than two are errors. No `c` at all just asks the person to choose.
    """

    diff = forms.BooleanField(label="Show only the rows that differ", required=False)
    # Set by "Remove" on a pair: the person is back at the picker with one still chosen,
    # which is a step on the way, not a mistake.
    pick = forms.BooleanField(required=False)

    def __init__(self, data, *, known: dict, **kwargs):
        super().__init__(data, auto_id="compare-%s", label_suffix="", **kwargs)
        self.known = known
        self.requested = data.getlist("c")
        self.chosen: list = []
        self.notes: list[str] = []

    @property
    def asked(self) -> bool:
        return bool(self.requested)

    def clean(self):
        cleaned = super().clean()
        given = [s.strip() for s in self.requested if s.strip()]
        slugs = list(dict.fromkeys(given))
        for slug in slugs:
            if given.count(slug) > 1:
                self._note_duplicate(
                    self.known[slug].acronym if slug in self.known else f"“{slug}”"
                )
        unknown = [s for s in slugs if s not in self.known]
        if unknown:
            names = ", ".join(f"“{s}”" for s in unknown)
            self.add_error(None, f"We have no certification called {names}.")
        for text in slugs:
            cert = self.known.get(text)
            if cert is not None and cert in self.chosen:  # typed by its slug and its acronym
                self._note_duplicate(cert.acronym)
            elif cert is not None:
                self.chosen.append(cert)
        if len(self.chosen) > MAX_COMPARED:
            self.add_error(
                None,
                f"You can compare at most {MAX_COMPARED} certifications at a time and chose "
                f"{len(self.chosen)}. Untick some and compare again.",
            )
        elif self.asked and len(self.chosen) < MIN_COMPARED and not cleaned.get("pick"):
            self.add_error(None, "Choose at least two certifications to compare.")
        return cleaned

    def _note_duplicate(self, name: str) -> None:
        note = f"Removed a duplicate: {name} was chosen more than once."
        if note not in self.notes:
            self.notes.append(note)

    @property
    def ready(self) -> bool:
        """True when there is a table to show: two to four known certifications."""
        return MIN_COMPARED <= len(self.chosen) <= MAX_COMPARED
