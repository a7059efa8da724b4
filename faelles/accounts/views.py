import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language as django_set_language

from .adapter import set_language_cookie
from .forms import DeleteAccountForm, ProfileForm
from .sections import person_sections
from .selectors import memberships_of, verified_identity_of, visible_profile
from .services import (
    account_delete,
    account_export,
    preferred_language_set,
    profile_update,
)


@login_required
def profile(request):
    return render(
        request,
        "accounts/profile_detail.html",
        {
            "person": request.user,
            "memberships": memberships_of(request.user),
            "identity": verified_identity_of(request.user),
            "own": True,
        },
    )


@login_required
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Din profil er gemt."))
        response = redirect("accounts:profile")
        language = form.cleaned_data["preferred_language"]
        translation.activate(language)
        set_language_cookie(response, language)
        return response
    return render(request, "accounts/profile_form.html", {"form": form})


def person_detail(request, user_id: int):
    """A person as others in this municipality see them (respecting their choices)."""
    membership = visible_profile(
        viewer=request.user, municipality=request.municipality, user_id=user_id
    )
    if membership is None:
        raise Http404
    return render(
        request,
        "accounts/person_detail.html",
        {
            "person": membership.user,
            "membership": membership,
            "own": request.user.is_authenticated
            and request.user.pk == membership.user_id,
            "sections": person_sections(request, membership.user),
        },
    )


@login_required
def data_export(request):
    data = account_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, cls=DjangoJSONEncoder),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = (
        f'attachment; filename="faelles-mine-data-{stamp}.json"'
    )
    return response


@login_required
def account_delete_view(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        messages.success(
            request, _("Din konto og dine personlige oplysninger er slettet.")
        )
        return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form})


@csrf_exempt
def set_language(request):
    """The language switch in the header (a plain form, so it works without
    JavaScript); a logged-in person's choice is also remembered on the account.

    A visitor's form carries no CSRF token, so the pages around it can be cached
    whole for everyone (faelles/core/pagecache.py): for someone not logged in the
    switch changes only the language cookie, which another site may as well set by
    linking here. A logged-in person's switch also changes their account, so for
    them the token is checked as everywhere else.
    """
    if request.method == "POST" and request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated:
        preferred_language_set(user=request.user, language=language)
    return response
