"""The base every project ModelAdmin uses: no lookup or search can make PostgreSQL work for
minutes or fail on a byte it refuses."""

from django.contrib import admin

# A regular expression is matched row by row and may backtrack for as long as it likes; the
# changelist URL would otherwise accept one on any field (`?summary__regex=…`).
REFUSED_LOOKUPS = frozenset({"regex", "iregex"})


class ModelAdmin(admin.ModelAdmin):
    def lookup_allowed(self, lookup, value, request):
        if REFUSED_LOOKUPS & set(lookup.split("__")):
            return False  # the changelist then answers 400
        return super().lookup_allowed(lookup, value, request)

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses NUL in a text literal; it can never be part of a stored word.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))
