"""Associations, businesses, institutions and the municipality's own departments."""

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.municipalities.models import TenantModel, TenantQuerySet


class OrganisationQuerySet(TenantQuerySet):
    def departments(self):
        return self.filter(kind=Organisation.Kind.DEPARTMENT)

    def civil(self):
        return self.exclude(kind=Organisation.Kind.DEPARTMENT)


OrganisationManager = models.Manager.from_queryset(OrganisationQuerySet)


class Organisation(TenantModel):
    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Forening")
        BUSINESS = "business", _("Virksomhed")
        INSTITUTION = "institution", _("Institution")
        DEPARTMENT = "department", _("Kommunal afdeling")

    municipality = models.ForeignKey(
        "municipalities.Municipality",
        on_delete=models.CASCADE,
        related_name="organisations",
        verbose_name=_("kommune"),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("navn"), max_length=160)
    slug = models.SlugField(_("adresse"), max_length=80)
    description = models.TextField(_("beskrivelse"), blank=True)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    website = models.URLField(_("hjemmeside"), blank=True)
    # A department may sit under another (forvaltning → afdeling → enhed): the
    # workplace units a leader leads and the pulse reports on. Only departments.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("hører under"),
        limit_choices_to={"kind": "department"},
        help_text=_("Den afdeling eller forvaltning, enheden er en del af."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects: ClassVar[OrganisationManager] = OrganisationManager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "slug"],
                name="organisation_slug_per_municipality",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="department") | models.Q(parent__isnull=True),
                name="only_departments_have_a_parent",
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "kind", "name"]),
            # "Newest organisations" on the municipality's home page.
            models.Index(
                fields=["municipality", "-created_at"], name="organisation_newest"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.parent_id is None:
            return
        from django.core.exceptions import ValidationError

        parent = self.parent
        assert parent is not None  # parent_id is set
        if (
            self.kind != self.Kind.DEPARTMENT
            or parent.kind != self.Kind.DEPARTMENT
            or parent.municipality_id != self.municipality_id
        ):
            raise ValidationError(
                {"parent": _("En enhed kan kun høre under en af kommunens afdelinger.")}
            )
        # No cycles: walk up from the parent (departments are few and shallow).
        seen = set()
        node: Organisation | None = parent
        while node is not None and node.pk not in seen:
            if self.pk is not None and node.pk == self.pk:
                raise ValidationError(
                    {"parent": _("En afdeling kan ikke høre under sig selv.")}
                )
            seen.add(node.pk)
            node = node.parent

    def get_absolute_url(self) -> str:
        from faelles.municipalities.tenancy import tenant_reverse

        return tenant_reverse(
            "organisations:detail", self.municipality_id, slug=self.slug
        )


class OrganisationMember(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    is_admin = models.BooleanField(_("administrator for organisationen"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisationsmedlem")
        verbose_name_plural = _("organisationsmedlemmer")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="one_membership_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} i {self.organisation}"
