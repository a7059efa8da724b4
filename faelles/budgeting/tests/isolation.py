from faelles.budgeting.factories import BudgetRoundFactory, ProjectFactory
from faelles.budgeting.models import Phase
from faelles.core.isolation import isolation_case


@isolation_case(
    "budgeting:detail",
    "budgeting:edit",
    "budgeting:phase",
    "budgeting:ballot",
    "budgeting:paper_ballot",
)
def budget_round(municipality):
    return {"pk": BudgetRoundFactory(municipality=municipality).pk}


@isolation_case("budgeting:propose")
def round_collecting_proposals(municipality):
    return {
        "pk": BudgetRoundFactory(municipality=municipality, phase=Phase.PROPOSALS).pk
    }


@isolation_case("budgeting:results", "budgeting:export")  # both only after the close
def round_with_results(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.RESULTS)
    ProjectFactory(round=budget_round)
    return {"pk": budget_round.pk}


@isolation_case("budgeting:project_detail", "budgeting:project_update")
def funded_project(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.RESULTS)
    return {"pk": ProjectFactory(round=budget_round, is_funded=True).pk}


@isolation_case("budgeting:project_review")
def proposal(municipality):
    budget_round = BudgetRoundFactory(municipality=municipality, phase=Phase.REVIEW)
    return {
        "pk": ProjectFactory(
            round=budget_round, review_status="pending", legal_ok=None
        ).pk
    }


@isolation_case("budgeting:import_status")
def pabulib_import(municipality):
    from faelles.budgeting.models import PabulibImport

    return {"pk": PabulibImport.objects.create(municipality=municipality).pk}
