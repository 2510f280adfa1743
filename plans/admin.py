"""Starting points are content editors keep; saved plans are private and not shown here."""

from django.contrib import admin

from .models import StartingPoint


@admin.register(StartingPoint)
class StartingPointAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "enters_at", "updated"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["enters_at"]
