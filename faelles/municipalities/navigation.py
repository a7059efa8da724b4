"""Main-menu entries contributed by feature apps.

An app calls ``register_nav(order, url_name, label)`` in its AppConfig.ready(); the
base layout shows the entries of every installed feature in order, so the layout
never has to import a feature. An entry may show a number (``count_url``: the
name of a view answering with the number's HTML, e.g. the things waiting in the
employee's workspace); the page loads it afterwards with htmx, so no page waits
for the count or makes its queries.
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    order: int
    url_name: str
    label: str | Promise
    # Only shown to people with one of these roles (Membership field names); empty = all.
    roles: tuple[str, ...] = ()
    count_url: str = ""

    @property
    def namespace(self) -> str:
        return self.url_name.split(":")[0]


_items: list[NavItem] = []


def register_nav(
    order: int,
    url_name: str,
    label,
    roles: tuple[str, ...] = (),
    count_url: str = "",
) -> None:
    if any(item.url_name == url_name for item in _items):
        return
    _items.append(NavItem(order, url_name, label, roles, count_url))
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
        visible.append(item)
    return visible
