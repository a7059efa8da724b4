"""The hearings section of a municipality's home page."""

from .selectors import open_hearings


def home_context(request) -> dict | None:
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return None
    return {
        "open_hearings": open_hearings(municipality=municipality, user=request.user)
    }
