"""Where a team formed around an initiative could show (tests/test_visibility.py).

Teams are for the municipality's staff only, so a team around an internal
(staff-only) initiative is seen by exactly those who may see the initiative; its
page names the initiative."""

from django.urls import reverse

from faelles.core.visibility import Look, visibility_case
from faelles.teams.factories import TeamFactory

NOT_SHOWN = {
    "teams:create": "a form for a new team",
    "teams:edit": "the team's own fields",
    "teams:volunteer": "an action on a team",
    "teams:answer": "an action on a volunteer",
    "teams:call": "an action on a team",
    "teams:start": "an action on a team",
    "teams:leave": "an action on a team",
    "teams:post": "an action on a team",
    "teams:file_upload": "an action on a team",
    "teams:file_download": "a file the team shared, not the initiative",
    "teams:task_add": "an action on a team",
    "teams:task_done": "an action on a task",
    "teams:close": "an action on a team",
}


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@visibility_case("teams.Team", views=["faelles.teams.views"], not_shown=NOT_SHOWN)
def team(parent, field, *, insider, outsider):
    municipality = parent.municipality
    item = TeamFactory(
        municipality=municipality,
        title="Team om den interne prøvehandling 4418",
        **{field: parent},
    )
    return [
        Look(_url("teams:index", municipality), shows=item.title),
        Look(_url("teams:detail", municipality, pk=item.pk), shows=parent.title),
    ]
