"""Write the database back out as content files, in the format load_content reads."""

from pathlib import Path

from django.core.management.base import BaseCommand

from careerpath.content import export_content


class Command(BaseCommand):
    help = "Write the current content to DIR as YAML and Markdown files (same format as fixtures/)."

    def add_arguments(self, parser):
        parser.add_argument("directory")

    def handle(self, directory, **options):
        paths = export_content(Path(directory))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(paths)} files to {directory}."))
