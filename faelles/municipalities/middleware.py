"""Resolve the municipality once per request from the URL prefix ``/<slug>/``."""

from django.http import Http404

from faelles.core.queries import the_one

from .models import Municipality


class MunicipalityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.municipality = None
        request.membership = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.pop("municipality_slug", None)
        if slug is None:
            return None
        municipality = the_one(Municipality.objects.active().filter(slug=slug))
        if municipality is None:
            raise Http404
        request.municipality = municipality
        # One indexed query; every page needs it for navigation and permissions.
        from faelles.accounts.selectors import membership_for

        request.membership = membership_for(request.user, municipality)
        return None
