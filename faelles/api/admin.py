"""Partners' tokens are made in Django admin; the token is shown once."""

from django.contrib import admin, messages
from django.utils.translation import gettext as _

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "prefix",
        "municipality",
        "rate_limit",
        "created_at",
        "last_used_at",
        "revoked_at",
    )
    list_filter = ("municipality",)
    search_fields = ("name", "prefix")
    fields = ("name", "scopes", "municipality", "rate_limit")
    actions = ["revoke"]

    def has_change_permission(self, request, obj=None):
        # A token is made and revoked, never edited: its scopes are what the
        # partner was given.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        token, secret = services.token_create(
            actor=request.user,
            name=obj.name,
            scopes=obj.scopes,
            municipality=obj.municipality,
            rate_limit=obj.rate_limit,
        )
        obj.pk = token.pk
        messages.warning(
            request,
            _("Tokenet er %(secret)s – kopier det nu; det vises ikke igen.")
            % {"secret": secret},
        )

    @admin.action(description=_("Tilbagekald de valgte tokens"))
    def revoke(self, request, queryset):
        for token in queryset:
            services.token_revoke(actor=request.user, token=token)
