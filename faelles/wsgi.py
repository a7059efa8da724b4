from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

from faelles.core.startup import freeze_loaded_objects
from faelles.settings import choose

choose()  # the same default as the ``faelles`` command (faelles/settings/__init__.py)
application = get_wsgi_application()
# Load the URL patterns now rather than on the first request, then exempt all that
# is loaded from the garbage collector's full collections (faelles/core/startup.py).
get_resolver().reverse_dict  # noqa: B018 - loads the URL patterns
freeze_loaded_objects()
