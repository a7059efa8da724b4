"""The real URLconf plus one view that fails, to exercise the 500 handler."""

from django.urls import path

from faelles.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def failing_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("fejl/", failing_view), *urlpatterns]
