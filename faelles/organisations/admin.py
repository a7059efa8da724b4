from django.contrib import admin

from .models import Organisation, OrganisationMember


class MemberInline(admin.TabularInline):
    model = OrganisationMember
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["municipality", "kind"]
    search_fields = ["name"]
    inlines = [MemberInline]
