"""Pages for match proposals: suggesting, answering, and the facilitation queue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.accounts.rules import is_staff_member
from faelles.core import access
from faelles.core.pagination import keyset_page
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import AdjustForm, SuggestForm
from .matches import matches_for
from .models import Listing, Proposal, Side, Visibility
from .rules import holds
from .views import LISTINGS


def proposal_suggest(request):
    """ "Foreslå et match" — from a match's button (two hidden ids) or by hand.

    The holder of the offer answering a need is a "Jeg kan hjælpe"; the holder of
    the need asks the offer directly; an employee's suggestion goes to both sides;
    anyone else's waits for an employee in the facilitation queue.
    """
    access.require_perm(request, "resources.suggest_match")
    form = SuggestForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid():
        need, offer = (
            access.get_or_404(
                request,
                LISTINGS,
                pk=form.cleaned_data[side],
                view="resources.view_listing",
            )
            for side in ("need", "offer")
        )
        note = form.cleaned_data["note"]
        try:
            if need.side != Side.NEED or offer.side != Side.OFFER:
                raise ValidationError(_("Et match er altid et behov og en ressource."))
            if holds(request.user, offer) and not holds(request.user, need):
                proposal = services.proposal_respond(
                    need=need, offer=offer, actor=request.user, note=note
                )
            else:
                proposal = services.proposal_suggest(
                    need=need,
                    offer=offer,
                    actor=request.user,
                    note=note,
                    is_staff=is_staff_member(request.user, request.municipality),
                )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            if proposal.status == Proposal.Status.SUGGESTED:
                messages.success(
                    request,
                    _("Tak for forslaget. En medarbejder ser på det og spørger begge."),
                )
            elif holds(request.user, need) or holds(request.user, offer):
                messages.success(
                    request,
                    _("Vi har spurgt den anden side. Du får besked, når de svarer."),
                )
            else:
                messages.success(request, _("Vi har spurgt begge sider."))
            return redirect(proposal.get_absolute_url())
    return render(request, "resources/proposal_suggest.html", {"form": form})


PROPOSALS = Proposal.objects.select_related(
    "need", "offer", "need__owner", "offer__owner", "facilitator"
)


def _alternatives(request, proposal: Proposal) -> list:
    """The engine's other offers for the need, for a facilitator adjusting a match."""
    found = matches_for(proposal.need, levels=Visibility.values, top=6)
    return [f for f in found if f.listing.pk != proposal.offer_id][:5]


def proposal_detail(request, pk: int):
    access.require_login(request)
    proposal = access.get_or_404(
        request, PROPOSALS, pk=pk, view="resources.view_proposal"
    )
    user = request.user
    can_answer = proposal.status == Proposal.Status.PROPOSED and (
        (holds(user, proposal.need) and not proposal.need_accepted_at)
        or (holds(user, proposal.offer) and not proposal.offer_accepted_at)
    )
    is_party = holds(user, proposal.need) or holds(user, proposal.offer)
    can_decline = proposal.is_open and is_party
    facilitate = proposal.status == Proposal.Status.SUGGESTED and user.has_perm(
        "resources.facilitate", request.municipality
    )
    adjust_form = None
    if facilitate:
        adjust_form = AdjustForm(alternatives=_alternatives(request, proposal))
    collaboration = None
    if proposal.status == Proposal.Status.ACCEPTED:
        collaboration = getattr(proposal, "collaboration", None)
        # Employees see every proposal; the forløb is private to its parties.
        if collaboration and not user.has_perm(
            "resources.view_collaboration", collaboration
        ):
            collaboration = None
    return render(
        request,
        "resources/proposal_detail.html",
        {
            "proposal": proposal,
            "can_answer": can_answer,
            "can_decline": can_decline,
            "is_party": is_party,
            "facilitate": facilitate,
            "adjust_form": adjust_form,
            "language": get_language(),
            "collaboration": collaboration,
        },
    )


def _proposal_url(request, pk: int) -> str:
    return tenant_reverse("resources:proposal", request.municipality, pk=pk)


def _proposal_action(request, pk, action):
    access.require_login(request, next_url=_proposal_url(request, pk))
    proposal = access.get_or_404(
        request, PROPOSALS, pk=pk, view="resources.view_proposal"
    )
    try:
        return action(proposal)
    except ValidationError as exc:
        access.error_messages(request, exc)
        return redirect(proposal.get_absolute_url())


@require_POST
def proposal_accept(request, pk: int):
    def act(proposal):
        proposal = services.proposal_accept(proposal=proposal, actor=request.user)
        if proposal.status == Proposal.Status.ACCEPTED:
            messages.success(request, _("I er enige! Forløbet er begyndt."))
            return redirect(proposal.collaboration.get_absolute_url())
        messages.success(request, _("Tak. Nu venter vi på den anden side."))
        return redirect(proposal.get_absolute_url())

    return _proposal_action(request, pk, act)


@require_POST
def proposal_decline(request, pk: int):
    def act(proposal):
        services.proposal_decline(proposal=proposal, actor=request.user)
        messages.success(request, _("Forslaget er afslået. Vi foreslår det ikke igen."))
        return redirect(proposal.get_absolute_url())

    return _proposal_action(request, pk, act)


@require_POST
def proposal_confirm(request, pk: int):
    """Confirm a suggestion as it is, or adjust it to another offer."""
    access.require_perm(
        request, "resources.facilitate", next_url=_proposal_url(request, pk)
    )

    def act(proposal):
        offer = None
        if {"adjust", "offer", "number"} & set(request.POST):
            form = AdjustForm(
                request.POST, alternatives=_alternatives(request, proposal)
            )
            if not form.is_valid():
                messages.error(
                    request, _("Vælg en anden ressource, eller skriv dens nummer.")
                )
                return redirect(proposal.get_absolute_url())
            offer = access.get_or_404(
                request, Listing.objects.offers(), pk=form.offer_id
            )
        proposal = services.proposal_confirm(
            proposal=proposal, actor=request.user, offer=offer
        )
        messages.success(request, _("Begge sider er nu spurgt."))
        return redirect(proposal.get_absolute_url())

    return _proposal_action(request, pk, act)


@require_POST
def proposal_dismiss(request, pk: int):
    access.require_perm(
        request, "resources.facilitate", next_url=_proposal_url(request, pk)
    )

    def act(proposal):
        services.proposal_dismiss(proposal=proposal, actor=request.user)
        messages.success(request, _("Forslaget er afvist."))
        return redirect(tenant_reverse("resources:queue", request.municipality))

    return _proposal_action(request, pk, act)


def facilitation_queue(request):
    access.require_perm(request, "resources.facilitate")
    page = keyset_page(
        selectors.facilitation_queue(municipality=request.municipality),
        after=request.GET.get("efter"),
        per_page=30,
    )
    return render(
        request,
        "resources/proposal_queue.html",
        {"page": page, "language": get_language()},
    )
