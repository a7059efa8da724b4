from django.contrib import admin

from .models import (
    Comment,
    Initiative,
    InitiativeSettings,
    Need,
    PhotoConsent,
    Story,
    StoryPhoto,
    SuccessCriterion,
    Transition,
    Trial,
)


class NeedInline(admin.TabularInline):
    model = Need
    extra = 0
    exclude = ["municipality"]


class TransitionInline(admin.TabularInline):
    model = Transition
    extra = 0
    readonly_fields = ["from_state", "to_state", "actor", "reason", "created_at"]
    can_delete = False


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "state", "support_count", "created_at"]
    list_filter = ["municipality", "state"]
    search_fields = ["title"]
    raw_id_fields = ["proposer", "facilitator", "organisation", "department"]
    filter_horizontal = ["principles"]
    readonly_fields = ["state", "support_count", "comment_count", "participant_count"]
    inlines = [NeedInline, TransitionInline]


class CriterionInline(admin.TabularInline):
    model = SuccessCriterion
    extra = 0


@admin.register(Trial)
class TrialAdmin(admin.ModelAdmin):
    list_display = ["initiative", "municipality", "round", "outcome", "evaluated_at"]
    list_filter = ["municipality", "outcome"]
    raw_id_fields = ["initiative", "evaluated_by", "department"]
    inlines = [CriterionInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "initiative", "is_hidden", "created_at"]
    list_filter = ["is_hidden"]
    raw_id_fields = ["initiative", "parent", "author", "organisation", "hidden_by"]


class ConsentInline(admin.TabularInline):
    model = PhotoConsent
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(StoryPhoto)
class StoryPhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "story", "shows_people"]
    inlines = [ConsentInline]
    raw_id_fields = ["story"]


@admin.register(Story)
class StoryAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "published_at"]
    list_filter = ["municipality"]
    raw_id_fields = ["initiative", "author"]


admin.site.register(InitiativeSettings)
