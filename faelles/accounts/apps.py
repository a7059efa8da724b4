from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "faelles.accounts"

    def ready(self):
        from .models import Membership
        from .selectors import clear_member_count

        # Cache invalidation only (the home page's member count), no business rule.
        post_save.connect(clear_member_count, sender=Membership)
        post_delete.connect(clear_member_count, sender=Membership)

        # allauth's own signals for connecting and removing a MitID identity
        # (faelles/accounts/social.py); logins go through the adapters.
        from allauth.socialaccount.signals import (
            social_account_added,
            social_account_removed,
        )

        from .social import on_account_added, on_account_removed

        social_account_added.connect(on_account_added)
        social_account_removed.connect(on_account_removed)
