from faelles.core.isolation import isolation_case
from faelles.initiatives.factories import (
    CollaborationFactory,
    CommentFactory,
    InitiativeFactory,
    NeedFactory,
    StoryFactory,
    StoryPhotoFactory,
)


@isolation_case(
    "initiatives:detail",
    "initiatives:support",
    "initiatives:follow",
    "initiatives:join",
    "initiatives:comment",
    "initiatives:facilitate",
    "initiatives:transition",
    "initiatives:need_add",
    "initiatives:image_add",
    "initiatives:trial_plan",
    "initiatives:trial_evaluate",
    "initiatives:story_create",
    "initiatives:update",
)
def initiative(municipality):
    return {"pk": InitiativeFactory(municipality=municipality).pk}


@isolation_case("initiatives:open_to_citizens")
def internal_initiative(municipality):
    return {"pk": InitiativeFactory(municipality=municipality, staff_only=True).pk}


@isolation_case("initiatives:comment_hide")
def comment(municipality):
    c = CommentFactory(initiative=InitiativeFactory(municipality=municipality))
    return {"pk": c.initiative_id, "comment_pk": c.pk}


@isolation_case("initiatives:need_publish", "initiatives:need_close")
def need(municipality):
    n = NeedFactory(initiative=InitiativeFactory(municipality=municipality))
    return {"pk": n.initiative_id, "need_pk": n.pk}


@isolation_case("initiatives:story_create_community")
def community(municipality):
    from faelles.communities.factories import CommunityFactory

    return {"community_pk": CommunityFactory(municipality=municipality).pk}


@isolation_case("initiatives:story_create_collaboration")
def collaboration(municipality):
    return {"collaboration_pk": CollaborationFactory(municipality=municipality).pk}


@isolation_case(
    "initiatives:story",
    "initiatives:story_photo_add",
    "initiatives:story_publish",
    "initiatives:story_update",
)
def story(municipality):
    s = StoryFactory(initiative=InitiativeFactory(municipality=municipality))
    return {"pk": s.pk}


@isolation_case("initiatives:consent_add", "initiatives:story_photo")
def photo(municipality):
    p = StoryPhotoFactory(
        story=StoryFactory(initiative=InitiativeFactory(municipality=municipality))
    )
    return {"pk": p.story_id, "photo_pk": p.pk}
