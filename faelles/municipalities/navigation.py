"""Main-menu entries contributed by feature apps.

An app calls ``register_nav(order, url_name, label)`` in its AppConfig.ready(); the
base layout shows the entries of every installed feature in order, so the layout
never has to import a feature. An entry may show a number (``count``: a function of
the request, e.g. the things waiting in the employee's workspace); it is called
only for the people the entry is shown to, and should be cheap (cached).
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    order: int
    url_name: str
    label: str | Promise
    # Only shown to people with one of these roles (Membership field names); empty = all.
    roles: tuple[str, ...] = ()
    count: Callable | None = None
    shown_count: int = 0  # the count for this request (set by nav_items)

    @property
    def namespace(self) -> str:
        return self.url_name.split(":")[0]


_items: list[NavItem] = []


def register_nav(
    order: int,
    url_name: str,
    label,
    roles: tuple[str, ...] = (),
    count: Callable | None = None,
) -> None:
    if any(item.url_name == url_name for item in _items):
        return
    _items.append(NavItem(order, url_name, label, roles, count))
    _items.sort(key=lambda item: item.order)


def nav_items(request) -> list[NavItem]:
    membership = getattr(request, "membership", None)
    visible = []
    for item in _items:
        if item.roles and not (
            request.user.is_superuser
            or (membership and any(getattr(membership, r, False) for r in item.roles))
        ):
            continue
        if item.count is not None:
            item = replace(item, shown_count=item.count(request))
        visible.append(item)
    return visible
