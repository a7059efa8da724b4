from faelles.competences.factories import QuestionFactory, employee_in, profile_for
from faelles.core.isolation import isolation_case


@isolation_case("competences:person")
def profile(municipality):
    user = employee_in(municipality)
    return {"pk": profile_for(user, municipality, skills="Kan lave podcasts").pk}


@isolation_case(
    "competences:question",
    "competences:answer",
    "competences:decline",
    "competences:withdraw",
    "competences:thank",
)
def question(municipality, viewer=None):
    """A question is seen only by those it is between: the viewer asked it."""
    if viewer is None:
        return {"pk": QuestionFactory(municipality=municipality).pk}
    return {"pk": QuestionFactory(municipality=municipality, asker=viewer).pk}
