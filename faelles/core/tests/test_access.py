"""core/access.py: how views fetch an object and check who may act on it."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import RequestFactory

from faelles.accounts.factories import MembershipFactory
from faelles.communities.factories import CommunityFactory
from faelles.communities.models import Community
from faelles.core import access
from faelles.core.validators import one_line
from faelles.events.factories import EventFactory
from faelles.events.models import Event


def _request(municipality, user=None, method="get", path="/odense/side/?x=1"):
    request = getattr(RequestFactory(), method)(path)
    request.municipality = municipality
    request.user = user or AnonymousUser()
    request._messages = CookieStorage(request)
    return request


@pytest.fixture
def host(municipality):
    return MembershipFactory(municipality=municipality).user


def test_another_municipalitys_object_is_404(
    municipality, other_municipality, municipal_admin
):
    event = EventFactory(municipality=other_municipality)
    request = _request(municipality, municipal_admin)
    with pytest.raises(Http404):
        access.get_or_404(request, Event, pk=event.pk)
    own = EventFactory(municipality=municipality)
    assert access.get_or_404(request, Event, pk=own.pk) == own


def test_a_private_space_and_what_hangs_off_it_are_404_for_outsiders(
    municipality, citizen, host
):
    community = CommunityFactory(
        municipality=municipality, access=Community.Access.INVITATION, host=host
    )
    event = EventFactory(municipality=municipality, community=community)
    for user in (citizen, AnonymousUser()):
        request = _request(municipality, user)
        with pytest.raises(Http404):
            access.get_or_404(request, Community, pk=community.pk)
        with pytest.raises(Http404):
            access.get_or_404(request, Event, pk=event.pk)
    request = _request(municipality, host)
    assert access.get_or_404(request, Community, pk=community.pk) == community
    assert access.get_or_404(request, Event, pk=event.pk) == event


def test_view_permission_hides_with_404(municipality, citizen, host):
    event = EventFactory(municipality=municipality)
    request = _request(municipality, citizen)
    with pytest.raises(Http404):
        access.get_or_404(request, Event, pk=event.pk, view="events.manage_event")


def test_anonymous_visitor_is_sent_to_login_not_403(municipality):
    event = EventFactory(municipality=municipality)
    request = _request(municipality)
    with pytest.raises(access.LoginRequired) as caught:
        access.get_or_404(request, Event, pk=event.pk, perm="events.manage_event")
    response = access.AccessMiddleware(lambda r: None).process_exception(
        request, caught.value
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert response["Location"].endswith("next=/odense/side/%3Fx%3D1")


def test_a_form_posted_before_login_comes_back_to_the_objects_page(municipality):
    event = EventFactory(municipality=municipality)
    request = _request(municipality, method="post", path="/odense/x/tilmeld/")
    with pytest.raises(access.LoginRequired) as caught:
        access.require_perm(request, "events.signup", event)
    assert caught.value.next_url == event.get_absolute_url()
    response = access.AccessMiddleware(lambda r: None).process_exception(
        request, caught.value
    )
    assert response["Location"].endswith("next=" + event.get_absolute_url())


def test_logged_in_person_without_permission_gets_403(municipality, citizen):
    event = EventFactory(municipality=municipality)
    request = _request(municipality, citizen)
    with pytest.raises(PermissionDenied) as caught:
        access.get_or_404(request, Event, pk=event.pk, perm="events.manage_event")
    assert not isinstance(caught.value, access.LoginRequired)
    with pytest.raises(PermissionDenied):
        access.require_perm(request, "budgeting.create_round")


def test_a_rule_open_to_everyone_lets_anonymous_visitors_through(municipality, host):
    community = CommunityFactory(municipality=municipality, host=host)
    request = _request(municipality)
    access.require_perm(request, "communities.download_file", community)
    with pytest.raises(access.LoginRequired):
        access.require_login(request)


def test_other_exceptions_pass_the_middleware(municipality):
    middleware = access.AccessMiddleware(lambda r: None)
    assert middleware.process_exception(_request(municipality), Http404()) is None
    assert (
        middleware.process_exception(_request(municipality), PermissionDenied()) is None
    )


class _TitleForm(forms.Form):
    title = forms.CharField(validators=[one_line])


def test_validation_error_goes_onto_the_form():
    form = _TitleForm({"title": "Hej"})
    assert form.is_valid()
    access.form_errors(
        form, ValidationError({"title": "For kort.", "cost": "For dyrt."})
    )
    assert form.errors["title"] == ["For kort."]
    assert form.non_field_errors() == ["For dyrt."]

    form = _TitleForm({"title": "Hej"})
    form.is_valid()
    access.form_errors(form, ValidationError(["Lukket.", "Fuldt."]))
    assert form.non_field_errors() == ["Lukket.", "Fuldt."]

    form = _TitleForm({"title": "Hej"})
    form.is_valid()
    access.form_errors(form, ValidationError("Forkert billede."), field="title")
    assert form.errors["title"] == ["Forkert billede."]


def test_validation_error_becomes_messages(municipality):
    request = _request(municipality)
    access.error_messages(request, ValidationError(["Lukket.", "Fuldt."]))
    assert [str(m) for m in get_messages(request)] == ["Lukket.", "Fuldt."]
    assert all(m.level_tag == "error" for m in get_messages(request))


def test_act_says_the_refusal_or_the_success(municipality):
    refused = _request(municipality, method="post")

    def full() -> None:
        raise ValidationError(["Holdet er fuldt."])

    assert access.act(refused, full, done="Du er med.") is False
    assert [(str(m), m.level_tag) for m in get_messages(refused)] == [
        ("Holdet er fuldt.", "error")
    ]
    carried_out = _request(municipality, method="post")
    calls: list[str] = []
    assert access.act(carried_out, lambda: calls.append("ja"), done="Du er med.")
    assert calls == ["ja"]
    assert [(str(m), m.level_tag) for m in get_messages(carried_out)] == [
        ("Du er med.", "success")
    ]
