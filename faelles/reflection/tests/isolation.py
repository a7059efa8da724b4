from faelles.core.isolation import isolation_case
from faelles.reflection.factories import QuestionSetFactory, SessionFactory
from faelles.reflection.models import Action


@isolation_case(
    "reflection:detail",
    "reflection:move",
    "reflection:share_notes",
    "reflection:answers",
    "reflection:action_add",
    "reflection:follow_up",
    "reflection:summary",
)
def session(municipality):
    return {"pk": SessionFactory(municipality=municipality).pk}


@isolation_case("reflection:action_remove")
def action(municipality):
    session = SessionFactory(municipality=municipality)
    action = Action.objects.create(
        municipality=municipality,
        session=session,
        text="Ring til foreningen",
        due=session.date,
    )
    return {"pk": session.pk, "action_pk": action.pk}


@isolation_case("reflection:set_edit", "reflection:set_delete")
def question_set(municipality):
    return {"pk": QuestionSetFactory(municipality=municipality).pk}
