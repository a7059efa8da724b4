from faelles.core.isolation import isolation_case
from faelles.paradigm.factories import AssessmentFactory


@isolation_case("paradigm:detail", "paradigm:agree", "paradigm:close")
def assessment(municipality):
    return {"pk": AssessmentFactory(municipality=municipality).pk}
