from .navigation import nav_items


def municipality(request):
    current = getattr(request, "municipality", None)
    if current is None:
        return {"municipality": None, "nav_items": [], "acting_organisation": None}
    from faelles.organisations.selectors import acting_organisation

    return {
        "municipality": current,
        "nav_items": nav_items(request),
        # Shown in the header so nobody forgets whom they are acting for.
        "acting_organisation": acting_organisation(request),
    }
