from faelles.core.isolation import isolation_case
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import ExportAccess, StatementStatus


@isolation_case(
    "opinions:detail",
    "opinions:edit",
    "opinions:phase",
    "opinions:vote",
    "opinions:statement_add",
    "opinions:results",
    "opinions:moderation",
)
def opinion_map(municipality):
    return {"pk": OpinionMapFactory(municipality=municipality).pk}


@isolation_case("opinions:export")
def exportable_map(municipality):
    return {
        "pk": OpinionMapFactory(
            municipality=municipality, export_access=ExportAccess.ALWAYS
        ).pk
    }


@isolation_case("opinions:moderate")
def pending_statement(municipality):
    opinion_map = OpinionMapFactory(municipality=municipality)
    return {"pk": StatementFactory(map=opinion_map, status=StatementStatus.PENDING).pk}
