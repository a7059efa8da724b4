"""Main-menu entries contributed by feature apps.

An app calls ``register_nav(order, url_name, label)`` in its AppConfig.ready(); the
base layout shows the entries of every installed feature in order, so the layout
never has to import a feature. An entry may show a number (``count_url``: the
name of a view answering with the number's HTML, e.g. the things waiting in the
employee's workspace); the page loads it afterwards with htmx, so no page waits
for the count or makes its queries.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.urls import get_script_prefix, reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _


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


def main_nav_html(
    request, municipality, items: list[NavItem], *, fetch_counts: bool
) -> str:
    """The main menu's ``<li>`` entries for this request.

    Every page shows the menu twice (the header on wide screens, the drawer on
    phones); built with the template engine that cost about 1.5 ms of every page's
    CPU. The HTML depends only on the few things in the key below, so it is built
    once per key and worker and then reused.
    """
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    membership = getattr(request, "membership", None)
    return _main_nav_html(
        municipality.slug,
        get_language() or "",
        get_script_prefix(),
        tuple(item.url_name for item in items),
        match.namespace if match else "",
        view_name == "municipalities:home",
        view_name == "organisations:list",
        "manage" in view_name,
        bool(
            (membership and membership.is_administrator)
            or getattr(getattr(request, "user", None), "is_superuser", False)
        ),
        fetch_counts,
    )


@lru_cache(maxsize=1024)
def _main_nav_html(
    slug: str,
    language: str,
    script_prefix: str,
    url_names: tuple[str, ...],
    namespace: str,
    on_home: bool,
    on_organisations: bool,
    on_manage: bool,
    administrator: bool,
    fetch_counts: bool,
) -> str:
    # The language and script prefix are in the key because the labels and the
    # links below depend on them (the caller's active language is the key's).
    def link(url_name: str) -> str:
        return reverse(url_name, kwargs={"municipality_slug": slug})

    def entry(href: str, label, current: bool, count: str = "") -> str:
        return format_html(
            '<li><a class="nav-link" href="{}"{}><span>{}</span>{}</a></li>',
            href,
            mark_safe(' aria-current="page"') if current else "",
            label,
            count,
        )

    registered = {item.url_name: item for item in _items}
    entries = [entry(link("municipalities:home"), _("Forside"), on_home)]
    for item in (registered[name] for name in url_names):
        count = ""
        if item.count_url and fetch_counts:
            count = format_html(
                '<span hx-get="{}" hx-trigger="load" hx-swap="outerHTML"></span>',
                link(item.count_url),
            )
        elif item.count_url:
            count = format_html('<span id="nav-count-{}"></span>', item.namespace)
        entries.append(
            entry(link(item.url_name), item.label, namespace == item.namespace, count)
        )
    entries.append(
        entry(
            link("organisations:list"),
            _("Foreninger og virksomheder"),
            on_organisations,
        )
    )
    if administrator:
        entries.append(
            entry(
                link("municipalities:manage_settings"), _("Administration"), on_manage
            )
        )
    return mark_safe("\n".join(entries))  # noqa: S308 - every part is escaped above
