"""The private parent "internal (staff-only) initiative" and where what hangs
off it — and a story about a private community — could show
(tests/test_visibility.py)."""

from django.urls import reverse

from faelles.accounts.factories import MembershipFactory
from faelles.core.visibility import Look, private_parent_case, visibility_case
from faelles.initiatives import search
from faelles.initiatives.factories import (
    CommentFactory,
    EvaluatedTrialFactory,
    InitiativeFactory,
    NeedFactory,
    StoryFactory,
)
from faelles.initiatives.models import InitiativeSettings, InitiativeTheme, State
from faelles.municipalities.factories import theme


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
        "initiatives:story_create_collaboration": "about a collaboration",
    },
)
def story(parent, field, *, insider, outsider):
    municipality = parent.municipality
    title = "Vi fandt hinanden i sorgen 2291"
    item = StoryFactory(
        municipality=municipality, title=title, **{"initiative": None, field: parent}
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
    ] + _story_create(parent, field)


def _story_create(parent, field) -> list[Look]:
    """Writing a new story about the hidden parent."""
    municipality = parent.municipality
    if field == "community":
        url = _url(
            "initiatives:story_create_community", municipality, community_pk=parent.pk
        )
    else:
        url = _url("initiatives:story_create", municipality, pk=parent.pk)
    return [Look(url)]


# --- the private parent "internal (staff-only) initiative" ----------------------


@private_parent_case("initiatives.Initiative", name="staff_only", staff_see=True)
def staff_only_initiative(municipality):
    """An internal trial: every employee of the municipality sees it; the
    insider is an employee who is not an administrator (nor its proposer)."""
    insider = MembershipFactory(municipality=municipality, is_employee=True).user
    proposer = MembershipFactory(municipality=municipality, is_employee=True).user
    item = InitiativeFactory(
        municipality=municipality,
        title="Intern prøvehandling med fælles vagtplan 7731",
        proposer=proposer,
        staff_only=True,
        state=State.TRYING,
    )
    return item, insider


def _around(parent) -> list[Look]:
    """Where the internal initiative itself shows: its page, the lists, the
    home page and the public status page (which holds only what anyone may see,
    so not even staff find it there)."""
    municipality = parent.municipality
    # PostgreSQL's full-text search reads the stored search vector (the
    # services fill it; the factories do not).
    search.index_initiatives([parent.pk])
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:list", municipality), shows=parent.title),
        Look(
            _url("initiatives:list", municipality) + f"?q={parent.title.split()[0]}",
            shows=parent.title,
        ),
        Look(_url("municipalities:home", municipality), shows=parent.title),
        Look(
            _url("status:overview", municipality),
            shows=parent.title,
            members_see=False,
        ),
    ]


@visibility_case(
    "initiatives.InitiativeTheme",
    views=["faelles.initiatives.views"],
    not_shown={
        "initiatives:create": "a form without initiatives",
        "initiatives:worklist": "staff only, and staff see internal initiatives",
        "initiatives:awaiting_response": "administrators only (staff)",
        "initiatives:settings": "the municipality's settings, no initiative",
    },
)
def initiative_theme(parent, field, *, insider, outsider):
    municipality = parent.municipality
    InitiativeTheme.objects.create(
        municipality=municipality,
        initiative=parent,
        theme=theme(municipality, "health"),
    )
    return [
        *_around(parent),
        Look(
            _url("initiatives:list", municipality) + "?theme=health",
            shows=parent.title,
        ),
        Look(_url("initiatives:update", municipality, pk=parent.pk)),
        Look(_url("initiatives:open_to_citizens", municipality, pk=parent.pk)),
    ]


@visibility_case("initiatives.InitiativeImage")
def initiative_image(parent, field, *, insider, outsider):
    municipality = parent.municipality
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:image_add", municipality, pk=parent.pk), method="post"),
    ]


@visibility_case("initiatives.Need")
def need(parent, field, *, insider, outsider):
    municipality = parent.municipality
    item = NeedFactory(initiative=parent, title="Vagtplanlægger 3391")
    one = {"pk": parent.pk, "need_pk": item.pk}
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:need_add", municipality, pk=parent.pk), method="post"),
        Look(_url("initiatives:need_publish", municipality, **one), method="post"),
        Look(_url("initiatives:need_close", municipality, **one), method="post"),
    ]


@visibility_case("initiatives.Support")
def support(parent, field, *, insider, outsider):
    municipality = parent.municipality
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:support", municipality, pk=parent.pk), method="post"),
    ]


@visibility_case("initiatives.Participation")
def participation(parent, field, *, insider, outsider):
    municipality = parent.municipality
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:join", municipality, pk=parent.pk), method="post"),
    ]


@visibility_case("initiatives.Follow")
def follow(parent, field, *, insider, outsider):
    municipality = parent.municipality
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:follow", municipality, pk=parent.pk), method="post"),
    ]


@visibility_case("initiatives.Comment")
def comment(parent, field, *, insider, outsider):
    municipality = parent.municipality
    item = CommentFactory(
        initiative=parent, author=insider, body="Vagtbyttet virker 5512"
    )
    return [
        Look(
            _url("initiatives:detail", municipality, pk=parent.pk),
        ),
        Look(_url("initiatives:comment", municipality, pk=parent.pk), method="post"),
        Look(
            _url(
                "initiatives:comment_hide",
                municipality,
                pk=parent.pk,
                comment_pk=item.pk,
            ),
            method="post",
            members_see=False,  # moderators only
        ),
    ]


@visibility_case("initiatives.Transition")
def transition(parent, field, *, insider, outsider):
    municipality = parent.municipality
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:transition", municipality, pk=parent.pk), method="post"),
        Look(_url("initiatives:facilitate", municipality, pk=parent.pk), method="post"),
    ]


@visibility_case(
    "initiatives.Trial",
    views=["faelles.initiatives.library_views"],
)
def trial(parent, field, *, insider, outsider):
    municipality = parent.municipality
    InitiativeSettings.objects.update_or_create(
        municipality=municipality, defaults={"library_public": True}
    )
    item = EvaluatedTrialFactory(initiative=parent, learned="Vagtbyttet 8840 virkede")
    search.index_trials([item.pk])
    return [
        Look(_url("initiatives:detail", municipality, pk=parent.pk)),
        Look(_url("initiatives:trial_plan", municipality, pk=parent.pk)),
        Look(_url("initiatives:trial_evaluate", municipality, pk=parent.pk)),
        Look(_url("initiatives:library", municipality), shows=item.learned),
        Look(
            _url("initiatives:library", municipality) + "?q=Vagtbyttet",
            shows=item.learned,
        ),
    ]
