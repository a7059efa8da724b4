from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Membership, User
from .services import account_delete


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Profil",
            {
                "fields": [
                    "display_name",
                    "postcode",
                    "languages",
                    "bio",
                    "profile_visibility",
                ]
            },
        ),
        (
            "Rettigheder",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})
    ]
    inlines = [MembershipInline]

    # Deleting here goes the one way a person is deleted, so every app's rules
    # about leaving run (accounts/personal_data.py).
    def delete_model(self, request, obj):
        account_delete(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_delete(user=user)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "municipality",
        "is_employee",
        "is_politician",
        "is_moderator",
        "is_administrator",
    ]
    list_filter = ["municipality", "is_employee", "is_politician", "is_administrator"]
    search_fields = ["user__email", "user__display_name"]
