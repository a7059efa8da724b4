"""Cross-department ad-hoc teams (docs/teams.md).

A ``Team`` is formed around an initiative, a task committee's follow-up action
or a task written in free text; it has a purpose, an end date and an owning
department, and gathers employees from several departments. While its open
call is open, employees volunteer (``Volunteer``) and the team's leader accepts
or declines; an accepted volunteer becomes a ``TeamMember``. The team's own
space holds messages (``Post``), files (``TeamFile``, in the private storage)
and tasks (``Task``). A team closes with a short evaluation that the leader
may share to the learning library.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from faelles.core.storage import private_storage
from faelles.municipalities.models import TenantModel
from faelles.municipalities.tenancy import tenant_reverse


class State(models.TextChoices):
    FORMING = "forming", _("Dannes")
    ACTIVE = "active", _("I gang")
    CLOSED = "closed", _("Afsluttet")


class Again(models.TextChoices):
    YES = "yes", _("Ja")
    CHANGED = "changed", _("Ja, men anderledes")
    NO = "no", _("Nej")


class Team(TenantModel):
    title = models.CharField(_("navn"), max_length=120)
    purpose = models.TextField(_("formål"), max_length=2000)
    # What the team is formed around: an initiative, a committee's follow-up
    # action or a task in free text. A link that goes away leaves the team.
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("initiativ"),
    )
    follow_up = models.ForeignKey(
        "committees.FollowUpAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opfølgning fra et opgaveudvalg"),
    )
    task = models.CharField(_("opgave"), max_length=200, blank=True)
    # CASCADE, not PROTECT: deleting a department is refused while anything
    # would go with it (organisations.services.department_delete), with a
    # message rather than a ProtectedError.
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("ejer (afdeling)"),
        limit_choices_to={"kind": "department"},
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("teamleder"),
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("slutdato"))
    state = models.CharField(
        _("tilstand"), max_length=10, choices=State.choices, default=State.FORMING
    )
    call_open = models.BooleanField(_("åbent for frivillige"), default=True)
    call_text = models.CharField(_("hvem søger I?"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("oprettet"))
    updated_at = models.DateTimeField(_("ændret"))
    closed_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    worked = models.TextField(_("hvad virkede"), max_length=1500, blank=True)
    did_not_work = models.TextField(_("hvad virkede ikke"), max_length=1500, blank=True)
    again = models.CharField(
        _("ville vi gøre det igen?"), max_length=10, choices=Again.choices, blank=True
    )
    evaluation_shared_at = models.DateTimeField(
        _("delt i læringsbanken"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("tværgående team")
        verbose_name_plural = _("tværgående teams")
        ordering = ["end_date", "id"]
        indexes = [
            models.Index(fields=["municipality", "state", "end_date"]),
            models.Index(fields=["municipality", "department"]),
            models.Index(fields=["municipality", "evaluation_shared_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=[s.value for s in State]),
                name="teams_team_state",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="teams_team_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(initiative__isnull=True)
                | models.Q(follow_up__isnull=True),
                name="teams_team_one_link",
            ),
            models.CheckConstraint(
                condition=models.Q(state="closed")
                | (models.Q(closed_at__isnull=True) & models.Q(again="")),
                name="teams_team_evaluated_when_closed",
            ),
            models.CheckConstraint(
                condition=models.Q(evaluation_shared_at__isnull=True)
                | models.Q(state="closed"),
                name="teams_team_shared_is_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return tenant_reverse("teams:detail", self.municipality_id, pk=self.pk)

    @property
    def is_closed(self) -> bool:
        return self.state == State.CLOSED

    @property
    def takes_volunteers(self) -> bool:
        return self.call_open and self.state != State.CLOSED


class TeamMember(models.Model):
    """A member of the team, with the department they came from when they
    joined (what the team page shows and counts)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    department = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("afdeling"),
    )
    joined_at = models.DateTimeField(_("med siden"))

    class Meta:
        verbose_name = _("teammedlem")
        verbose_name_plural = _("teammedlemmer")
        ordering = ["joined_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "user"], name="teams_one_member")
        ]
        indexes = [models.Index(fields=["department", "team"])]

    def __str__(self) -> str:
        return str(self.user)


class VolunteerStatus(models.TextChoices):
    PENDING = "pending", _("Venter på svar")
    ACCEPTED = "accepted", _("Taget imod")
    DECLINED = "declined", _("Ikke denne gang")


class Volunteer(models.Model):
    """An employee's answer to the open call ("Jeg byder ind")."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="volunteers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    motivation = models.TextField(_("hvad kan du bidrage med?"), max_length=600)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=VolunteerStatus.choices,
        default=VolunteerStatus.PENDING,
    )
    answer = models.CharField(_("svar"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("budt ind"))
    answered_at = models.DateTimeField(_("besvaret"), null=True, blank=True)

    class Meta:
        verbose_name = _("frivillig")
        verbose_name_plural = _("frivillige")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"], name="teams_one_offer_a_team"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[s.value for s in VolunteerStatus]),
                name="teams_volunteer_status",
            ),
        ]
        indexes = [models.Index(fields=["team", "status"])]

    def __str__(self) -> str:
        return str(self.user)


class Post(models.Model):
    """A message in the team's space."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    body = models.TextField(_("besked"), max_length=3000)
    created_at = models.DateTimeField(_("skrevet"))

    class Meta:
        verbose_name = _("besked")
        verbose_name_plural = _("beskeder")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["team", "-created_at"])]

    def __str__(self) -> str:
        return self.body[:50]


def _file_path(instance, filename: str) -> str:
    return f"teams/{instance.team_id}/{secrets.token_hex(8)}/{filename}"


class TeamFile(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="files")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    title = models.CharField(_("titel"), max_length=150)
    # Never under MEDIA_ROOT: served only by the view that checks the team.
    file = models.FileField(_("fil"), upload_to=_file_path, storage=private_storage)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(_("delt"))

    class Meta:
        verbose_name = _("fil")
        verbose_name_plural = _("filer")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Task(TenantModel):
    """A task in the team's space, owned by one member."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("opgave"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ansvarlig"),
    )
    due = models.DateField(_("senest"))
    done = models.BooleanField(_("færdig"), default=False)
    done_at = models.DateTimeField(_("færdig den"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"))

    class Meta:
        verbose_name = _("opgave")
        verbose_name_plural = _("opgaver")
        ordering = ["done", "due", "id"]
        indexes = [
            models.Index(fields=["municipality", "owner", "done", "due"]),
            models.Index(fields=["team", "done", "due"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done=False, done_at__isnull=True)
                | models.Q(done=True, done_at__isnull=False),
                name="teams_task_done_at",
            )
        ]

    def __str__(self) -> str:
        return self.title
