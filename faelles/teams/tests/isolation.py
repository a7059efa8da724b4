from django.core.files.base import ContentFile
from django.utils import timezone

from faelles.core.isolation import isolation_case
from faelles.teams.factories import TeamFactory
from faelles.teams.models import Task, TeamFile, Volunteer


@isolation_case(
    "teams:detail",
    "teams:edit",
    "teams:volunteer",
    "teams:call",
    "teams:start",
    "teams:leave",
    "teams:post",
    "teams:file_upload",
    "teams:task_add",
    "teams:close",
)
def team(municipality):
    return {"pk": TeamFactory(municipality=municipality).pk}


@isolation_case("teams:answer")
def volunteer(municipality):
    from faelles.accounts.factories import MembershipFactory

    team = TeamFactory(municipality=municipality)
    user = MembershipFactory(municipality=municipality, is_employee=True).user
    offer = Volunteer.objects.create(
        team=team, user=user, motivation="Jeg vil gerne", created_at=timezone.now()
    )
    return {"pk": team.pk, "volunteer_pk": offer.pk}


@isolation_case("teams:file_download")
def shared_file(municipality):
    team = TeamFactory(municipality=municipality)
    shared = TeamFile(
        team=team,
        title="Referat",
        content_type="text/plain",
        size=5,
        created_at=timezone.now(),
    )
    shared.file.save("referat.txt", ContentFile(b"hej\n"), save=False)
    shared.save()
    return {"pk": team.pk, "file_pk": shared.pk}


@isolation_case("teams:task_done")
def task(municipality):
    team = TeamFactory(municipality=municipality)
    task = Task.objects.create(
        municipality=municipality,
        team=team,
        title="Ring til ældresagen",
        due=team.end_date,
        created_at=timezone.now(),
    )
    return {"pk": team.pk, "task_pk": task.pk}
