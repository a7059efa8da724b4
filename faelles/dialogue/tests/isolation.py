from faelles.core.isolation import isolation_case
from faelles.dialogue.factories import (
    AttachmentFactory,
    CommentFactory,
    HearingFactory,
)


@isolation_case(
    "dialogue:detail",
    "dialogue:update",
    "dialogue:attachment_add",
    "dialogue:comment",
    "dialogue:answer",
)
def hearing(municipality):
    return {"pk": HearingFactory(municipality=municipality).pk}


@isolation_case("dialogue:paragraph")
def paragraph(municipality):
    from faelles.dialogue.factories import ParagraphFactory, SectionFactory

    p = ParagraphFactory(
        section=SectionFactory(hearing=HearingFactory(municipality=municipality))
    )
    return {"pk": p.section.hearing_id, "paragraph_pk": p.pk}


@isolation_case("dialogue:attachment")
def attachment(municipality):
    a = AttachmentFactory(hearing=HearingFactory(municipality=municipality))
    return {"pk": a.hearing_id, "attachment_pk": a.pk}


@isolation_case(
    "dialogue:react",
    "dialogue:report",
    "dialogue:hide",
    "dialogue:restore",
    "dialogue:dismiss_reports",
    "dialogue:appeal",
)
def comment(municipality):
    c = CommentFactory(hearing=HearingFactory(municipality=municipality))
    return {"pk": c.hearing_id, "comment_pk": c.pk}


@isolation_case("dialogue:appeal_decide")
def appeal(municipality):
    from faelles.dialogue.models import Appeal

    c = CommentFactory(
        hearing=HearingFactory(municipality=municipality),
        is_hidden=True,
        hidden_reason="Spam",
    )
    a = Appeal.objects.create(comment=c, author=c.author, text="Det var ikke spam.")
    return {"pk": c.hearing_id, "appeal_pk": a.pk}
