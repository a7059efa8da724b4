"""Where a story about a private community could show (tests/test_visibility.py)."""

from django.urls import reverse

from faelles.core.visibility import Look, visibility_case
from faelles.initiatives.factories import StoryFactory


def _url(name, municipality, **kwargs):
    return reverse(name, kwargs={"municipality_slug": municipality.slug, **kwargs})


@visibility_case(
    "initiatives.Story",
    views=["faelles.initiatives.story_views"],
    not_shown={
        "initiatives:newspaper": (
            "a PDF built from selectors.newspaper_content, which asks as an "
            "anonymous reader (test_newspaper_leaves_out_private_stories)"
        ),
        "initiatives:story_create": "about an initiative, not a private parent",
        "initiatives:story_create_collaboration": "about a collaboration",
    },
)
def story(parent, field, *, insider, outsider):
    municipality = parent.municipality
    title = "Vi fandt hinanden i sorgen 2291"
    item = StoryFactory(
        municipality=municipality, initiative=None, title=title, **{field: parent}
    )
    one = {"pk": item.pk}
    return [
        Look(_url("initiatives:stories", municipality), shows=title),
        Look(
            _url("initiatives:story_feed", municipality), shows=title, members_see=False
        ),
        Look(_url("initiatives:story", municipality, **one)),
        Look(_url("initiatives:story_update", municipality, **one), members_see=False),
        Look(
            _url("initiatives:story_photo_add", municipality, **one), members_see=False
        ),
        Look(
            _url("initiatives:consent_add", municipality, pk=item.pk, photo_pk=1),
            members_see=False,
        ),
        Look(
            _url("initiatives:story_photo", municipality, pk=item.pk, photo_pk=1),
            members_see=False,
        ),
        Look(
            _url("initiatives:story_publish", municipality, **one),
            method="post",
            members_see=False,
        ),
        Look(
            _url(
                "initiatives:story_create_community",
                municipality,
                community_pk=parent.pk,
            )
        ),
    ]
