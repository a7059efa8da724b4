from django.core.wsgi import get_wsgi_application

from faelles.settings import choose

choose()  # the same default as the ``faelles`` command (faelles/settings/__init__.py)
application = get_wsgi_application()
