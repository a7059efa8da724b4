"""Where a hearing about an internal (staff-only) initiative could show
(tests/test_visibility.py). The form offers only initiatives anyone may see, so
this is the case of an initiative made internal by other means: the hearing is
as hidden as what it is about."""

from django.urls import reverse

from faelles.core.visibility import Look, visibility_case
from faelles.dialogue.factories import HearingFactory


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@visibility_case("dialogue.Hearing")
def hearing(parent, field, *, insider, outsider):
    municipality = parent.municipality
    title = "Høring om vagtplanen 2208"
    item = HearingFactory(municipality=municipality, title=title, **{field: parent})
    return [
        Look(_url("dialogue:list", municipality), shows=title),
        Look(_url("municipalities:home", municipality), shows=title),
        Look(_url("dialogue:detail", municipality, pk=item.pk)),
        Look(_url("dialogue:comment", municipality, pk=item.pk), method="post"),
    ]
