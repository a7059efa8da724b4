from faelles.core.isolation import isolation_case
from faelles.leadership.factories import GoalFactory


@isolation_case(
    "leadership:goal",
    "leadership:goal_edit",
    "leadership:check_in",
)
def goal(municipality):
    return {"pk": GoalFactory(municipality=municipality).pk}
