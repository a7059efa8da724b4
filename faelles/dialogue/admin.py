"""Django admin for platform administrators: hearings and comments to look at.

Writes that have rules (comments, moderation, the answer) go through the site's
own pages and services, so the admin shows them read-only. Participants' area
and age band are deliberately absent."""

from django.contrib import admin

from .models import Comment, Hearing


@admin.register(Hearing)
class HearingAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "kind", "opens_at", "closes_at"]
    list_filter = ["municipality", "kind"]
    search_fields = ["title"]
    raw_id_fields = ["initiative", "budget_round", "created_by"]
    readonly_fields = ["answered_at", "comment_count"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "hearing", "author_role", "is_hidden", "created_at"]
    list_filter = ["is_hidden", "author_role"]
    search_fields = ["body"]
    readonly_fields = [f.name for f in Comment._meta.fields]

    def has_add_permission(self, request):
        return False
