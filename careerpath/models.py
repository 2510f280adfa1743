"""The search index: one row per public page, rebuilt from the content when it changes."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=16, help_text="The content kind's name, e.g. roles.")
    slug = models.CharField(max_length=120)
    title = models.CharField(max_length=250)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    # Filled on PostgreSQL only (weighted: title A, summary B, body C); GIN-indexed there.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "slug"], name="search_entry_unique"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.title}"
