"""Django admin for rounds and projects. Ballots and receipts are deliberately
absent: nobody browses ballots, and the link between them is never shown."""

from django.contrib import admin

from .models import BudgetRound, Project, ProjectUpdate


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0
    fields = ["title", "cost", "review_status", "is_funded", "implementation_status"]
    readonly_fields = ["is_funded"]
    show_change_link = True


@admin.register(BudgetRound)
class BudgetRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "phase", "ballot_type", "budget"]
    list_filter = ["municipality", "phase", "ballot_type"]
    search_fields = ["title"]
    readonly_fields = ["phase", "is_imported", "results_computed_at"]
    exclude = ["results", "pabulib_meta"]
    inlines = [ProjectInline]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "cost", "review_status", "is_funded"]
    list_filter = ["municipality", "review_status", "is_funded"]
    search_fields = ["title"]
    raw_id_fields = ["round", "proposed_by", "reviewed_by"]


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(admin.ModelAdmin):
    list_display = ["project", "status", "created_at"]
    raw_id_fields = ["project", "author"]
