import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.views import defaults


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: the app answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def privacy(request: HttpRequest) -> HttpResponse:
    """How Fælles handles personal data (GDPR art. 13), linked from sign-up."""
    return render(request, "core/privacy.html")


def permission_denied(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(
    request: HttpRequest, exception: Exception | None = None
) -> HttpResponse:
    return render(request, "404.html", status=404)


# What the database raises when it cannot answer for a moment: refused or dropped
# connections (a restart, a failover, too many connections), a transaction rolled
# back by a deadlock or a serialisation failure, a cancelled statement. Django
# wraps every driver's errors in these two classes (PEP 249's categories).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# Seconds a client is asked to wait; a PostgreSQL restart takes a few.
RETRY_AFTER_SECONDS = 5


def _database_away(error: BaseException | None) -> bool:
    """Whether ``error`` is, or was raised while handling, a database error of
    the kind above (Django's session middleware, for one, turns a failed save
    into a "400 session interrupted")."""
    for _ in range(5):
        if error is None:
            return False
        if isinstance(error, DATABASE_UNAVAILABLE):
            return True
        error = error.__cause__ or error.__context__
    return False


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 400 handler; a session that could not be saved because the
    database is away is that, not a bad request."""
    if _database_away(exception):
        return database_unavailable(request)
    return defaults.bad_request(request, exception)


def server_error(request: HttpRequest | None) -> HttpResponse:
    """Django's 500 handler, for every exception a request leaves unhandled — in a
    view or in any middleware (sessions, the municipality lookup). Called while
    that exception is being handled, so ``sys.exc_info()`` names it."""
    if _database_away(sys.exc_info()[1]):
        return database_unavailable(request)
    # No context processors: the failure may be in them or in the database.
    return HttpResponseServerError(loader.get_template("500.html").render())


def database_unavailable(request: HttpRequest | None) -> HttpResponse:
    """503 with Retry-After while the database cannot be reached.

    The failed request's transaction is rolled back (every write is atomic), so
    nothing of it is half-saved; Django closes the broken connection when the
    request ends and, with ``CONN_HEALTH_CHECKS``, checks a kept one before the
    next request uses it, so the site recovers by itself once the database
    answers. Like the 500 page it renders without the database or context.
    """
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
