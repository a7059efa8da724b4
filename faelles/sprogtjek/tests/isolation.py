from faelles.core.isolation import isolation_case
from faelles.sprogtjek.factories import OwnEntryFactory


@isolation_case("sprogtjek:entry_edit", "sprogtjek:entry_delete")
def own_entry(municipality):
    return {"pk": OwnEntryFactory(municipality=municipality).pk}
