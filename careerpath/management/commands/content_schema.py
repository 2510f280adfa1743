"""Write a JSON Schema for every content file (see careerpath/content_schema.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from careerpath.content_schema import write_schemas


class Command(BaseCommand):
    help = (
        "Write a JSON Schema for every content file to DIR (fixtures/schemas/ is the one the "
        "content files point to), generated from the loader's pydantic records."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        paths = write_schemas(Path(directory))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(paths)} schemas to {directory}."))
