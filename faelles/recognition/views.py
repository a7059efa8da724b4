"""The celebration page, thanks between people, and a winner's consent."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.accounts.selectors import visible_profile
from faelles.core import access
from faelles.core.pagination import keyset_page
from faelles.disclosure import THRESHOLD
from faelles.municipalities.tenancy import tenant_reverse
from faelles.organisations.models import Organisation
from faelles.organisations.selectors import acting_organisation

from . import selectors, services
from .forms import OrganisationThanksForm, ThanksForm
from .models import Award, Thanks


def celebrate(request):
    """Public: announced awards with their (consented) winners, open awards,
    public thanks newest first, and how many thanks were given this year."""
    municipality = request.municipality
    today = timezone.localdate()
    page = keyset_page(
        selectors.public_thanks(municipality=municipality),
        after=request.GET.get("efter"),
        per_page=selectors.PAGE_SIZE,
    )
    given = selectors.thanks_given_in_year(municipality=municipality, year=today.year)
    return render(
        request,
        "recognition/celebrate.html",
        {
            "announced": selectors.announced_awards(municipality=municipality),
            "open_awards": selectors.open_awards(
                municipality=municipality, today=today
            ),
            "coming": selectors.coming_awards(municipality=municipality, today=today),
            "page": page,
            "thanks_this_year": given if given >= THRESHOLD else None,
            "year": today.year,
            # A visitor is asked to log in; a person of another municipality
            # is not offered what they may not do here.
            "may_take_part": not request.user.is_authenticated
            or request.user.has_perm("recognition.thank", municipality),
            "may_manage": request.user.has_perm(
                "recognition.manage_awards", municipality
            ),
            "to_answer": selectors.winners_to_answer(
                municipality=municipality, user=request.user
            ),
        },
    )


def _organisations(municipality):
    return Organisation.objects.for_municipality(municipality).order_by("name", "id")


@never_cache  # the page holds the person's own thanks
def thanks(request):
    """One's own thanks, received and sent, and the form to thank an
    organisation (as oneself, or as the organisation one acts for)."""
    access.require_perm(request, "recognition.thank")
    municipality = request.municipality
    acting = acting_organisation(request)
    form = OrganisationThanksForm(
        request.POST if request.method == "POST" else None,
        organisations=_organisations(municipality),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.thanks_give(
                municipality=municipality,
                sender=request.user,
                sender_organisation=acting,
                recipient_organisation=form.cleaned_data["recipient_organisation"],
                message=form.cleaned_data["message"],
                for_what=form.cleaned_data["for_what"],
                public_requested=form.cleaned_data["public_requested"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Tak for din tak! Den er sendt."))
            return redirect(tenant_reverse("recognition:thanks", municipality))
    mine = selectors.my_thanks(municipality=municipality, user=request.user)
    return render(
        request,
        "recognition/thanks.html",
        {"form": form, "mine": mine, "acting": acting},
    )


def thank_person(request, user_id: int):
    """Thank a person, from their page (GET shows the form alone)."""
    access.require_perm(request, "recognition.thank")
    municipality = request.municipality
    membership = visible_profile(
        viewer=request.user, municipality=municipality, user_id=user_id
    )
    if membership is None:
        raise Http404
    person = membership.user
    acting = acting_organisation(request)
    form = ThanksForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.thanks_give(
                municipality=municipality,
                sender=request.user,
                sender_organisation=acting,
                recipient_user=person,
                message=form.cleaned_data["message"],
                for_what=form.cleaned_data["for_what"],
                public_requested=form.cleaned_data["public_requested"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Din tak er sendt til %(name)s.") % {"name": person.display_name},
            )
            return redirect(
                tenant_reverse("people:person_detail", municipality, user_id=person.pk)
            )
    return render(
        request,
        "recognition/thank_person.html",
        {"form": form, "person": person, "acting": acting},
    )


def _thanks(request, pk: int, perm: str) -> Thanks:
    thanks = access.get_or_404(
        request,
        Thanks.objects.select_related("recipient_organisation"),
        pk=pk,
        view="recognition.view_thanks",
    )
    access.require_perm(request, perm, thanks)
    return thanks


@require_POST
def thanks_consent(request, pk: int):
    thanks = _thanks(request, pk, "recognition.consent_thanks")
    consent = request.POST.get("consent") == "yes"
    access.act(
        request,
        lambda: services.thanks_consent(
            thanks=thanks, actor=request.user, consent=consent
        ),
        done=_("Takken vises nu på fejringssiden.")
        if consent
        else _("Takken vises ikke længere offentligt."),
    )
    return redirect(tenant_reverse("recognition:thanks", request.municipality))


@require_POST
def thanks_delete(request, pk: int):
    thanks = _thanks(request, pk, "recognition.delete_thanks")
    services.thanks_delete(thanks=thanks, actor=request.user)
    messages.success(request, _("Takken er slettet."))
    return redirect(tenant_reverse("recognition:thanks", request.municipality))


@never_cache
def winner_consent(request, pk: int, winner_pk: int):
    """The winner (or an admin of the winning organisation) agrees to be named."""
    award = access.get_or_404(request, Award, pk=pk, view="recognition.view_award")
    winners = award.winners.select_related("nominee_user", "nominee_organisation")
    child_or_404(request, winners, pk=winner_pk)
    access.require_login(request)
    winner = child_or_404(
        request, winners, pk=winner_pk, view="recognition.consent_winner"
    )
    if award.announced_at is None:
        raise Http404
    winner.award = award
    if request.method == "POST":
        consent = request.POST.get("consent") == "yes"
        services.winner_consent(winner=winner, actor=request.user, consent=consent)
        messages.success(
            request,
            _("Tak! I bliver nu nævnt som vinder på fejringssiden.")
            if consent
            else _("I bliver ikke nævnt ved navn."),
        )
        return redirect(tenant_reverse("recognition:celebrate", request.municipality))
    return render(
        request, "recognition/winner_consent.html", {"winner": winner, "award": award}
    )


def child_or_404(request, queryset, *, pk: int, view: str | None = None):
    """A row of an award already fetched for this municipality (a nomination,
    a winner): missing, hidden by a private space or not to be seen is 404."""
    obj = queryset.filter(pk=pk).first()
    if obj is None or not access.visible(request.user, obj, request.municipality):
        raise Http404
    if view is not None:
        access.hide_unless(request, view, obj)
    return obj
