"""Tokens for trusted partners of the open API (docs/api.md).

Reading the open API needs no token. A token raises the rate limit and, later,
opens write endpoints by its scopes. Only a hash of the token is stored: the
token itself is shown once, when it is created.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The scopes a token may carry, with what each lets it do.
SCOPES = {
    "read": _("læse det åbne API med tokenets egen grænse for antal kald"),
}


def validate_scopes(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Vælg mindst én tilladelse til tokenet."))
    unknown = [s for s in value if s not in SCOPES]
    if unknown:
        raise ValidationError(
            _("Ukendt tilladelse: %(scopes)s")
            % {"scopes": ", ".join(map(str, unknown))}
        )


class ApiToken(models.Model):
    name = models.CharField(
        _("navn"), max_length=120, help_text=_("Hvem tokenet er til, og hvorfor.")
    )
    prefix = models.CharField(_("begyndelse"), max_length=8, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scopes = models.JSONField(
        _("tilladelser"), default=list, validators=[validate_scopes]
    )
    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommune"),
        help_text=_("Tom betyder alle kommuner."),
    )
    rate_limit = models.PositiveIntegerField(
        _("kald pr. minut"),
        default=600,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
