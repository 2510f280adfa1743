"""What the API answers, as pydantic schemas: the OpenAPI description is generated from these,
and every answer is checked against them before it leaves.

They are plain pydantic models, not django-ninja's `Schema`: every answer is built as a dict
(serializers.py), and `Schema` reads each field of it through its ORM-friendly getter, which took
a third of the time of a route's answer."""

from datetime import date

from pydantic import BaseModel as Schema
from pydantic import Field

from .pagination import PageInfo


class Link(Schema):
    slug: str
    title: str
    href: str | None = Field(None, description="This item in the API.")
    page: str = Field(description="This item's page on the site.")


class Source(Schema):
    title: str
    url: str | None = None
    date: str = Field(description="When the source was published or read (year or date).")


class Attribution(Schema):
    text: str
    license: str
    license_url: str
    source_url: str


# --- roles -------------------------------------------------------------------------------------


class PayFigure(Schema):
    statistic: str = Field(description="p10, p25, median, mean, p75, p90, range_low or range_high.")
    statistic_label: str
    amount: int
    currency: str
    region: str
    occupation_code: str = Field(description="Standard Occupational Classification code.")
    occupation_title: str
    code_match: str = Field(description="exact, or proxy when the code stands in for the role.")
    code_note: str
    source_name: str = Field(description="The source and its edition.")
    source_url: str | None
    reference_year: int = Field(description="The year the figure is for.")
    edition: str = Field(description="The source's edition or release, e.g. May 2024.")
    industry: str | None = Field(description="The industry it is for; null: all industries.")
    verified: bool = Field(description="False when the figure has not been checked at source.")
    checked_on: date | None = Field(description="When it was last checked against the source.")
    rung_note: str = Field(description="How the figure fits this rung, where rungs share a code.")
    note: str


class Projection(Schema):
    occupation_code: str
    occupation_title: str
    start_year: int
    end_year: int
    edition: str
    growth_percent: float
    source_name: str
    source_url: str | None
    verified: bool
    note: str


class RoleSummary(Schema):
    slug: str
    title: str
    tier: str
    rank: int = Field(description="Rung on the ladder, 1 = lowest.")
    headline: str
    median_pay: PayFigure | None
    leads_to: list[str] = Field(description="Slugs of the next rungs.")
    href: str
    page: str


class RoleList(PageInfo):
    items: list[RoleSummary]


class SkillNeed(Schema):
    slug: str
    name: str
    kind: str = Field(description="hard, soft, method or tool.")
    level: int = Field(description="Level the role needs, 1 (aware) to 5 (expert).")


class Kpi(Schema):
    name: str
    measure: str


class IndustryFocus(Schema):
    manufacturing: str
    services: str
    technology: str


class Pay(Schema):
    median: PayFigure | None = Field(
        description="The newest median: newest year, verified first, exact code first."
    )
    figures: list[PayFigure]


class CertificationLink(Schema):
    slug: str
    acronym: str
    name: str
    href: str
    page: str


class FaqLink(Schema):
    slug: str
    question: str
    page: str


class SkillChange(Schema):
    slug: str
    name: str
    general_level: int | None = Field(description="null: not listed for the role in general.")
    level: int = Field(description="0: not needed in this industry.")


class IndustryLens(Schema):
    industry: str
    differs: bool = Field(description="False when the role is the same as in general.")
    change_note: str
    kpis: list[Kpi]
    skill_changes: list[SkillChange]
    median: PayFigure | None = Field(description="The industry's own median, if one is sourced.")


class RoleDetail(Schema):
    slug: str
    title: str
    tier: str
    rank: int
    headline: str
    summary: str
    responsibilities: list[str]
    years_min: int
    years_max: int
    education: str
    entry_points: list[str]
    kpis: list[Kpi]
    focus: IndustryFocus
    reports_to: list[str]
    leads_to: list[str]
    skills: list[SkillNeed]
    pay: Pay
    outlook: list[Projection]
    certifications: list[CertificationLink] = Field(
        description="The first twelve, by acronym, of the certifications that name the role or "
        "suit its tier."
    )
    certifications_in_all: int = Field(description="How many certifications suit the role.")
    more_certifications: str | None = Field(
        description="Where the list of every certification for the role's tier starts, when "
        "there are more than `certifications` shows."
    )
    faqs: list[FaqLink] = Field(
        description="The first questions about the role, in the FAQ's order."
    )
    faqs_in_all: int = Field(description="How many questions are about the role.")
    guides: list[Link] = Field(description="The first guides for the role, by title.")
    guides_in_all: int = Field(description="How many guides are for the role.")
    sources: list[Source]
    attribution: Attribution | None = Field(
        description="Present when the profile draws on O*NET: its CC BY 4.0 credit."
    )
    industry: IndustryLens
    page: str


# --- the ladder ----------------------------------------------------------------------------------


class LadderNode(Schema):
    slug: str
    title: str
    tier: str
    rank: int
    median_pay: PayFigure | None
    href: str


class LadderEdge(Schema):
    source: str = Field(description="The lower role's slug.")
    target: str = Field(description="The role it leads to.")


class Ladder(Schema):
    nodes: list[LadderNode]
    edges: list[LadderEdge] = Field(description="Each edge leads one rung up.")


class SkillGain(Schema):
    slug: str
    name: str
    from_level: int
    to_level: int


class PathStep(Schema):
    current: str
    next: str
    skills_to_gain: list[SkillGain]
    certifications: list[CertificationLink] = Field(
        description="The first certifications that suit the next role, by acronym."
    )
    more_certifications: int = Field(description="How many more suit the next role.")
    pay_change: int | None = Field(description="Change in median pay, where both are known.")


class YearRange(Schema):
    low: int
    high: int


class Path(Schema):
    start: str
    end: str
    roles: list[str] = Field(description="Slugs from start to end.")
    steps: list[PathStep]
    total_pay_change: int | None
    skills_to_gain: int = Field(description="Distinct skills to gain on the way.")
    extra_years: YearRange = Field(
        description="More years of experience the destination typically asks for."
    )
    currency: str | None
    page: str


# --- certifications ------------------------------------------------------------------------------


class Issuer(Schema):
    slug: str
    name: str
    abbreviation: str
    url: str


class CertificationSummary(Schema):
    slug: str
    acronym: str
    name: str
    issuer: Issuer
    focus: str
    focus_label: str
    tiers: list[str]
    verified_on: date
    href: str
    page: str


class CertificationList(PageInfo):
    items: list[CertificationSummary]


class Exam(Schema):
    parts: int | None
    questions: int | None
    minutes: int | None
    format: str


class Cost(Schema):
    member: int | None
    nonmember: int | None
    currency: str
    note: str
    total: int | None = Field(description="The least a first attempt costs, all included.")
    total_note: str


class RoleLink(Schema):
    slug: str
    title: str
    href: str
    page: str


class CertificationDetail(CertificationSummary):
    audience: str
    eligibility: str
    exam: Exam
    cost: Cost
    study_hours: str
    pass_rate: str
    min_experience_years: int | None = Field(
        description="The fewest years of experience any route to the exam asks for (0: none); "
        "null when the issuer's rule is not a number of years."
    )
    no_prerequisite: bool
    validity_years: int | None
    lifetime: bool = Field(description="It never expires and needs no renewal.")
    validity: str
    renewal: str
    roles: list[RoleLink]
    official_url: str
    sources: list[Source]
    unverified: str = Field(description="Facts not yet confirmed, in words.")


class ComparisonRow(Schema):
    key: str
    label: str
    differs: bool


class Comparison(Schema):
    certifications: list[CertificationDetail]
    rows: list[ComparisonRow]
    notes: list[str] = Field(description="Adjustments made to the request, such as duplicates.")
    page: str


# --- FAQ and guides ------------------------------------------------------------------------------


class Faq(Schema):
    slug: str
    question: str
    category: str
    category_label: str
    answer_html: str = Field(description="Sanitised HTML.")
    roles: list[str]
    guides: list[str]
    page: str


class FaqList(PageInfo):
    items: list[Faq]


class GuideSummary(Schema):
    slug: str
    title: str
    summary: str
    updated: date
    reading_minutes: int
    href: str
    page: str


class GuideList(PageInfo):
    items: list[GuideSummary]


class TocEntry(Schema):
    id: str
    name: str
    level: int
    children: list["TocEntry"] = []


class GuideDetail(GuideSummary):
    body_html: str = Field(description="Sanitised HTML, rendered from the Markdown source.")
    toc: list[TocEntry]
    roles: list[RoleLink]
    certifications: list[CertificationLink]


# --- search --------------------------------------------------------------------------------------


class SearchHit(Schema):
    kind: str
    slug: str
    title: str
    page: str
    snippet_html: str = Field(description="An extract with matching words in <mark>, escaped.")
    score: float


class SearchGroup(Schema):
    kind: str
    label: str
    total: int = Field(description="Matches of this kind; hits holds the best of them.")
    hits: list[SearchHit]


class SearchResults(Schema):
    query: str
    terms: list[str]
    truncated: bool = Field(description="True when the query was cut to 100 characters.")
    total: int
    groups: list[SearchGroup]
