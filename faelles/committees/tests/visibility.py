"""Where a follow-up action carried by an internal (staff-only) initiative could
show (tests/test_visibility.py): the committee's pages are public, so the action
is left out there for anyone who may not see the initiative."""

from django.urls import reverse

from faelles.committees.factories import FollowUpActionFactory
from faelles.core.visibility import Look, visibility_case


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@visibility_case("committees.FollowUpAction")
def follow_up_action(parent, field, *, insider, outsider):
    municipality = parent.municipality
    title = "Indfør fælles vagtplan 9152"
    item = FollowUpActionFactory(
        recommendation__committee__municipality=municipality,
        title=title,
        **{field: parent},
    )
    return [
        Look(_url("committees:action", municipality, pk=item.pk)),
        Look(
            _url("committees:recommendation", municipality, pk=item.recommendation_id),
            shows=title,
        ),
    ]
