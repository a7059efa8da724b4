from django.contrib import admin

from .models import FocusArea, Municipality, Principle, Theme
from .services import themes_ensure_defaults


class PrincipleInline(admin.TabularInline):
    model = Principle
    extra = 0


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0
    fields = ["position", "key", "name", "name_en", "is_active"]
    show_change_link = True


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "programme_name", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PrincipleInline, ThemeInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:  # a new municipality starts with the default themes
            themes_ensure_defaults(municipality=form.instance)


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0
    fields = ["position", "key", "name", "name_en", "is_active"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "municipality", "position", "is_active"]
    list_filter = ["municipality", "is_active"]
    search_fields = ["name", "name_en", "key"]
    inlines = [FocusAreaInline]

    def save_formset(self, request, form, formset, change):
        # A focus area belongs to its theme's municipality.
        for area in formset.save(commit=False):
            area.municipality_id = form.instance.municipality_id
            area.save()
        for area in formset.deleted_objects:
            area.delete()
