from django.contrib import admin

from .models import Municipality, Principle


class PrincipleInline(admin.TabularInline):
    model = Principle
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "programme_name", "is_active"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PrincipleInline]
