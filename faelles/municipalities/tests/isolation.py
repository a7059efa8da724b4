from faelles.accounts.factories import MembershipFactory
from faelles.core.isolation import isolation_case
from faelles.municipalities.factories import FocusAreaFactory, ThemeFactory


@isolation_case("municipalities:manage_person")
def membership(municipality):
    return {"membership_id": MembershipFactory(municipality=municipality).pk}


@isolation_case(
    "municipalities:theme_edit",
    "municipalities:theme_move",
    "municipalities:theme_delete",
    "municipalities:focus_area_create",
)
def theme(municipality):
    return {"pk": ThemeFactory(municipality=municipality).pk}


@isolation_case("municipalities:focus_area_edit")
def focus_area(municipality):
    return {"pk": FocusAreaFactory(theme__municipality=municipality).pk}
