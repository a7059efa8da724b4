"""How a view gets the object it works on, and whether the person may act on it.

In the spirit of Zulip's ``access_stream_by_id``: one call fetches the object or
answers for the view, so the ``pk`` from the URL never reaches a page unchecked.

``get_or_404(request, Model, pk=pk, view=…, perm=…)``

1. looks the object up in ``request.municipality`` only
   (``tenancy.get_scoped_or_404``): another municipality's object is 404;
2. hides what belongs to a private space (``core/visibility.py``): a private
   parent the person may not see, or anything hanging off one, is 404;
3. ``view`` — the permission to *see* the object; without it the object does
   not exist for the person: 404, never a 403 that would reveal it;
4. ``perm`` — the permission to *act* on it (``require_perm``): an anonymous
   visitor goes to the login page, a logged-in person without it gets 403.

``require_login`` and ``require_perm`` are the same checks for views without an
object (or with one fetched another way). They raise ``LoginRequired``, which
``AccessMiddleware`` turns into a redirect to the login page — the view never
builds that redirect itself. A form posted by someone who is not logged in comes
back to the object's page after login (the form's own address may accept POST
only), or to ``next_url`` when the view names one.

A service refuses bad input with ``django.core.exceptions.ValidationError``;
``form_errors`` puts it on the form (field errors on their fields, the rest on
top) and ``error_messages`` shows it as messages on the next page; ``act`` runs a
posted action that redirects, with its refusal or its success as messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse

from faelles.core.visibility import PARENTS, parents_visible, private_links
from faelles.municipalities.tenancy import get_scoped_or_404

SAFE_METHODS = ("GET", "HEAD")


class LoginRequired(PermissionDenied):
    """The person must log in first; ``AccessMiddleware`` redirects to login.

    A ``PermissionDenied``, so anywhere the middleware does not run it is still
    refused (403) rather than let through.
    """

    def __init__(self, next_url: str | None = None):
        super().__init__("login required")
        self.next_url = next_url


class AccessMiddleware:
    """Turns ``LoginRequired`` raised by a view into the login page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, LoginRequired):
            return None
        return redirect_to_login(exception.next_url or request.get_full_path())


def _next_url(request: Any, obj: Any, next_url: str | None) -> str | None:
    if next_url is not None or request.method in SAFE_METHODS:
        return next_url
    get_url = getattr(obj, "get_absolute_url", None)
    return get_url() if get_url is not None else None


def require_login(request: Any, *, next_url: str | None = None) -> None:
    """An anonymous visitor goes to the login page (and comes back to
    ``next_url``, by default the address asked for)."""
    if not request.user.is_authenticated:
        raise LoginRequired(next_url)


def require_perm(
    request: Any, perm: str, obj: Any = None, *, next_url: str | None = None
) -> None:
    """Pass if the person has ``perm``; otherwise an anonymous visitor goes to the
    login page and a logged-in person gets 403.

    ``obj`` defaults to the municipality (permissions to create something in it).
    A rule that lets anonymous visitors through (downloading an open community's
    files) lets them through here too; a view that needs a person whatever the
    rule says calls ``require_login`` first.
    """
    if request.user.has_perm(perm, request.municipality if obj is None else obj):
        return
    require_login(request, next_url=_next_url(request, obj, next_url))
    raise PermissionDenied


def hide_unless(request: Any, perm: str, obj: Model) -> None:
    """404 unless the person has ``perm`` on ``obj`` (a permission to see)."""
    if not request.user.has_perm(perm, obj):
        raise Http404


def _local(obj: Model, municipality: Any) -> None:
    """Give a row of this municipality the loaded municipality, so predicates
    that read ``obj.municipality`` do not query it again."""
    if getattr(obj, "municipality_id", None) == municipality.pk:
        setattr(obj, "municipality", municipality)  # noqa: B010 (any tenant model)


def visible(user: Any, obj: Model, municipality: Any) -> bool:
    """Whether ``obj`` is not hidden by a private space: it is not itself a
    private parent the person may not see, and none of its parents is."""
    parent = PARENTS.get(obj._meta.label_lower)
    if parent is not None and not bool(user.has_perm(parent.perm, obj)):
        return False
    for field in private_links(type(obj)):
        if getattr(obj, field.attname) is not None:
            _local(getattr(obj, field.name), municipality)
    return bool(parents_visible(user, obj))


def get_or_404(
    request: Any,
    queryset_or_model: type[Model] | QuerySet[Any],
    *,
    view: str | None = None,
    perm: str | None = None,
    next_url: str | None = None,
    **lookup: Any,
) -> Any:
    """The object of ``request.municipality`` matching ``lookup``, if the person
    may see it (private spaces, then ``view``: 404) and act on it (``perm``:
    login or 403)."""
    municipality = request.municipality
    obj = get_scoped_or_404(queryset_or_model, municipality, **lookup)
    _local(obj, municipality)
    if not visible(request.user, obj, municipality):
        raise Http404
    if view is not None:
        hide_unless(request, view, obj)
    if perm is not None:
        require_perm(request, perm, obj, next_url=next_url)
    return obj


def form_errors(
    form: BaseForm, error: ValidationError, *, field: str | None = None
) -> None:
    """A service's refusal on the form: errors about a field of the form on that
    field, the others on ``field`` (by default on top of the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else field, errors)
    else:
        form.add_error(field, error)


def error_messages(request: HttpRequest, error: ValidationError) -> None:
    """A service's refusal as messages on the next page, one per reason."""
    for message in error.messages:
        messages.error(request, message)


def act(request: HttpRequest, action: Callable[[], object], *, done: str) -> bool:
    """Carry out a posted action whose page redirects: ``action`` calls the
    service; its refusal becomes messages on the next page (``error_messages``),
    success the message ``done``. True when it was carried out."""
    try:
        action()
    except ValidationError as error:
        error_messages(request, error)
        return False
    messages.success(request, done)
    return True


def form_error_messages(
    request: HttpRequest, form: BaseForm, *, field: str | None = None
) -> None:
    """A form's errors (only ``field``'s, if given) as messages on the next page:
    for a form posted from a page that redirects rather than show it again."""
    for name, errors in form.errors.items():
        if field is None or name == field:
            # ErrorList yields its messages as str; django-stubs says ValidationError.
            for message in errors:
                messages.error(request, str(message))
