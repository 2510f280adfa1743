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


class ContentVersion(models.Model):
    """One row whose number goes up in the same transaction as every change to the content.

    It lives in the database so that every process on every machine (gunicorn workers, a
    `load_content` run, a shell) reads and moves the same number; the page cache serves a page
    only while the number it was built under is still current (see freshness.py)."""

    version = models.BigIntegerField(default=0)

    def __str__(self):
        return f"content version {self.version}"


class Synonym(models.Model):
    """Words a searcher may use for the same thing ("salary", "pay", "wage"). Content, kept in
    fixtures/synonyms.yaml, so editors widen the search without a deploy."""

    slug = models.SlugField(max_length=80, unique=True)
    words = models.JSONField(default=list, help_text="Lower-case words that mean the same here.")
    note = models.TextField(blank=True, help_text="Why these words belong together.")

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return ", ".join(self.words)


class SearchWord(models.Model):
    """The vocabulary of the index: every word it holds, each with its synonyms. A search looks
    its words up here (exactly, or by trigram similarity on PostgreSQL) to forgive typos and
    widen each word to its synonyms; rebuilt with the index."""

    word = models.CharField(max_length=60, unique=True)
    synonyms = models.JSONField(default=list)

    def __str__(self):
        return self.word


class PublishedPage(models.Model):
    """A public page as an anonymous visitor gets it, built when the content changed
    (publishing.py) in the transaction that moved the version, so no visitor waits for it.

    Served only while `version` is the current content version and `code` the code that
    serves it (a deploy changes pages without changing the content); its CSP nonce and its
    origin are marks, swapped for the visitor's own when it is served. `content` is kept
    compressed (zlib: publishing.page_row)."""

    # The path and the query string it answers, e.g. "/ladder/?role=operations-manager".
    address = models.CharField(max_length=1024)
    # Which answer to that address: the whole page, or the part an htmx swap asks for
    # (common.htmx.variant).
    answer = models.CharField(max_length=64, default="page")
    version = models.BigIntegerField()
    code = models.CharField(max_length=64, help_text="The release that built it.")
    status = models.PositiveSmallIntegerField(default=200)
    headers = models.JSONField(default=dict)
    content = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["address", "answer"], name="published_page_unique")
        ]

    def __str__(self):
        return f"{self.address} ({self.answer})"


class LadderRung(models.Model):
    """A role as the route search reads it (`roles.ladder.Rung.as_data`), in one industry's
    version, stored with the pages when the content changes (route_data.py), so a route reads a
    few rows of plain data. The row with an empty slug holds every role's next roles.

    Read only while `version` is the current content version and `code` the release that
    stored it, like a published page. JSON kept as text, not as a JSON column: the database
    sends text as it is, where it would write a JSON column out afresh on every read."""

    version = models.BigIntegerField()
    code = models.CharField(max_length=64, help_text="The release that stored it.")
    industry = models.CharField(max_length=32, blank=True)
    slug = models.CharField(max_length=120, blank=True)
    rung = models.TextField(help_text="The role as JSON (or, in the first row, the edges).")
    steps = models.TextField(
        default="{}", help_text="Each step up to this role, by the role it starts from, rendered."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["industry", "slug"], name="ladder_rung_unique")
        ]

    def __str__(self):
        return f"{self.slug or 'edges'} ({self.industry or 'any industry'})"
