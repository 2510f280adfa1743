"""fixtures/starting_points.yaml: where people come from before the ladder, its schema and how
its records map to the database."""

from common.content import Name, Record, Slug, Text
from common.content_kind import ContentKind
from roles.content import Level

from .models import StartingPoint


class StartingPointRecord(Record):
    slug: Slug
    name: Name(120)
    description: Text
    enters_at: Slug  # the role such a person usually joins the ladder at
    skills: dict[Slug, Level] = {}  # typical levels such a person brings


class StartingPoints(ContentKind):
    name, noun, file = "starting_points", "starting point", "starting_points.yaml"
    schema, model = StartingPointRecord, StartingPoint

    def references(self, record):
        return [("enters_at", "roles", [record.enters_at]), ("skills", "skills", record.skills)]

    def queryset(self):
        return StartingPoint.objects.select_related("enters_at")

    def values(self, record, resolved):
        data = record.model_dump(mode="json", exclude={"enters_at"})
        return {**data, "enters_at": resolved["roles"][record.enters_at]}

    def export_records(self):
        return [
            StartingPointRecord.model_validate(
                {
                    **{f: getattr(p, f) for f in ("slug", "name", "description", "skills")},
                    "enters_at": p.enters_at.slug,
                }
            ).model_dump(mode="json")
            for p in self.queryset().order_by("slug")
        ]


STARTING_POINTS = StartingPoints()
