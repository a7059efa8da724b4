from .navigation import nav_items


def municipality(request):
    current = getattr(request, "municipality", None)
    return {
        "municipality": current,
        "nav_items": nav_items(request) if current is not None else [],
    }
