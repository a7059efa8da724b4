from django.db import transaction

from faelles.core.audit import audit

from .models import Municipality


@transaction.atomic
def municipality_update_settings(
    *, municipality: Municipality, actor, form, principles
) -> Municipality:
    """Save the settings form and the principles formset together, or neither."""
    municipality = form.save()
    principles.save()
    audit(
        action="municipality.settings",
        actor=actor,
        municipality=municipality,
        target=municipality,
        data={"changed": sorted(form.changed_data)},
    )
    return municipality
