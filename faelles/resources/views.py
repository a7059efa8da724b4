from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.accounts.rules import is_staff_member
from faelles.core.pagination import keyset_page
from faelles.municipalities.tenancy import get_scoped_or_404, tenant_reverse
from faelles.organisations.selectors import acting_organisation

from . import selectors, services
from .forms import (
    AdjustForm,
    BehalfForm,
    FeedbackForm,
    HoursForm,
    ListingForm,
    MessageForm,
    RespondForm,
    SearchForm,
    StatusForm,
    SuggestForm,
)
from .map import map_points
from .matches import matches_for
from .models import Collaboration, Listing, Proposal, Side
from .rules import holds, visibility_levels


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _visible_listing(request, pk: int) -> Listing:
    listing = get_scoped_or_404(
        Listing.objects.select_related("organisation", "owner"),
        request.municipality,
        pk=pk,
    )
    if not request.user.has_perm("resources.view_listing", listing):
        raise Http404
    return listing


def _search(request):
    form = SearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.listing_search(
        municipality=request.municipality,
        levels=visibility_levels(request.user, request.municipality),
        side=filters.get("side", ""),
        kind=filters.get("kind", ""),
        category=filters.get("category", ""),
        postcode=filters.get("postcode", ""),
        km=filters.get("km") or 0,
        mode=filters.get("mode", ""),
        slots=filters.get("slots") or [],
        query=filters.get("q", ""),
    )
    return form, qs


def listing_list(request):
    form, qs = _search(request)
    page = keyset_page(qs, after=request.GET.get("efter"), per_page=20)
    params = request.GET.copy()
    params.pop("efter", None)
    return render(
        request,
        "resources/listing_list.html",
        {
            "form": form,
            "page": page,
            "filters_query": params.urlencode(),
            "can_create": request.user.has_perm(
                "resources.create_listing", request.municipality
            ),
        },
    )


def listing_map(request):
    form, qs = _search(request)
    listings = list(qs.order_by("-id")[:300])
    params = request.GET.urlencode()
    return render(
        request,
        "resources/listing_map.html",
        {
            "form": form,
            "map": map_points(listings),
            "listings": listings[:50],
            "filters_query": params,
        },
    )


def _create(request, side: str):
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("resources.create_listing", request.municipality):
        raise PermissionDenied
    may_behalf = request.user.has_perm("resources.post_on_behalf", request.municipality)
    behalf = request.POST.get("on_behalf") == "1" or request.GET.get("for") == "borger"
    behalf = behalf and may_behalf
    organisation = acting_organisation(request)
    form = ListingForm(request.POST or None, side=side)
    behalf_form = (
        BehalfForm(request.POST or None, municipality=request.municipality)
        if behalf
        else None
    )
    if request.method == "POST":
        valid = form.is_valid() & (behalf_form is None or behalf_form.is_valid())
        if valid:
            extra = {}
            if behalf_form is not None:
                extra = {
                    "owner": behalf_form.citizen,
                    "behalf_consent_by": behalf_form.cleaned_data["consent_by"],
                    "behalf_consent_method": behalf_form.cleaned_data["consent_method"],
                }
            try:
                listing = services.listing_create(
                    municipality=request.municipality,
                    actor=request.user,
                    side=side,
                    organisation=None if behalf_form else organisation,
                    special_consent=form.cleaned_data.get("special_consent", False),
                    **extra,
                    **form.service_fields(),
                )
            except ValidationError as exc:
                form.add_error(None, _errors(exc))
            else:
                messages.success(request, _("Dit opslag er oprettet."))
                return redirect(listing.get_absolute_url())
    return render(
        request,
        "resources/listing_form.html",
        {
            "form": form,
            "behalf_form": behalf_form,
            "side": side,
            "organisation": organisation,
            "may_behalf": may_behalf and not behalf,
        },
    )


def listing_create_offer(request):
    return _create(request, Side.OFFER)


def listing_create_need(request):
    return _create(request, Side.NEED)


def listing_detail(request, pk: int):
    listing = _visible_listing(request, pk)
    user = request.user
    is_holder = holds(user, listing)
    levels = visibility_levels(user, request.municipality)
    found = []
    if listing.is_active and not listing.is_expired():
        found = matches_for(listing, levels=levels, top=8)
    my_offers = []
    if (
        listing.side == Side.NEED
        and user.is_authenticated
        and not is_holder
        and listing.is_active
    ):
        my_offers = list(
            selectors.listings_of(municipality=request.municipality, user=user)
            .filter(side=Side.OFFER)
            .active()
        )
    proposals = []
    if is_holder or user.has_perm("resources.facilitate", request.municipality):
        proposals = list(
            selectors.proposals_for(municipality=request.municipality, listing=listing)[
                :20
            ]
        )
    return render(
        request,
        "resources/listing_detail.html",
        {
            "listing": listing,
            "found": found,
            "language": get_language(),
            "is_holder": is_holder,
            "can_edit": user.has_perm("resources.change_listing", listing),
            "can_suggest": user.has_perm(
                "resources.suggest_match", request.municipality
            ),
            "respond_form": RespondForm(offers=my_offers) if my_offers else None,
            "proposals": proposals,
            "expiring_soon": (listing.expires_on - timezone.localdate()).days <= 14,
        },
    )


def _editable_listing(request, pk: int) -> Listing:
    listing = _visible_listing(request, pk)
    if not request.user.is_authenticated or not request.user.has_perm(
        "resources.change_listing", listing
    ):
        raise PermissionDenied
    return listing


def listing_edit(request, pk: int):
    listing = _editable_listing(request, pk)
    form = ListingForm(request.POST or None, instance=listing, side=listing.side)
    if request.method == "POST" and form.is_valid():
        try:
            services.listing_update(
                listing=listing,
                actor=request.user,
                special_consent=form.cleaned_data.get("special_consent", False),
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(listing.get_absolute_url())
    return render(
        request,
        "resources/listing_form.html",
        {"form": form, "listing": listing, "side": listing.side},
    )


@require_POST
def listing_renew(request, pk: int):
    listing = _editable_listing(request, pk)
    services.listing_renew(listing=listing, actor=request.user)
    messages.success(
        request,
        _("Opslaget er fornyet til %(date)s.")
        % {"date": listing.expires_on.strftime("%d.%m.%Y")},
    )
    return redirect(listing.get_absolute_url())


@require_POST
def listing_close(request, pk: int):
    listing = _editable_listing(request, pk)
    services.listing_close(listing=listing, actor=request.user)
    messages.success(request, _("Opslaget er lukket og vises ikke længere."))
    return redirect(listing.get_absolute_url())


@require_POST
def listing_respond(request, pk: int):
    """ "Jeg kan hjælpe" on a need, with one of the person's offers."""
    need = _visible_listing(request, pk)
    if not request.user.is_authenticated or need.side != Side.NEED:
        raise PermissionDenied
    offers = list(
        selectors.listings_of(municipality=request.municipality, user=request.user)
        .filter(side=Side.OFFER)
        .active()
    )
    form = RespondForm(request.POST, offers=offers)
    if not form.is_valid():
        messages.error(request, _("Vælg en af dine ressourcer."))
        return redirect(need.get_absolute_url())
    offer = next(o for o in offers if str(o.pk) == form.cleaned_data["offer"])
    try:
        proposal = services.proposal_respond(
            need=need, offer=offer, actor=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect(need.get_absolute_url())
    messages.success(request, _("Tak! Vi har spurgt, om de vil tage imod hjælpen."))
    return redirect(proposal.get_absolute_url())


@login_required
def proposal_suggest(request):
    if not request.user.has_perm("resources.suggest_match", request.municipality):
        raise PermissionDenied
    form = SuggestForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid():
        need = _visible_listing(request, form.cleaned_data["need"])
        offer = _visible_listing(request, form.cleaned_data["offer"])
        try:
            proposal = services.proposal_suggest(
                need=need,
                offer=offer,
                actor=request.user,
                note=form.cleaned_data["note"],
                is_staff=is_staff_member(request.user, request.municipality),
            )
        except ValidationError as exc:
            form.add_error(None, _errors(exc))
        else:
            if proposal.status == Proposal.Status.SUGGESTED:
                messages.success(
                    request,
                    _("Tak for forslaget. En medarbejder ser på det og spørger begge."),
                )
            else:
                messages.success(request, _("Vi har spurgt begge sider."))
            return redirect(proposal.get_absolute_url())
    return render(request, "resources/proposal_suggest.html", {"form": form})


def _proposal(request, pk: int) -> Proposal:
    proposal = get_scoped_or_404(
        Proposal.objects.select_related("need", "offer", "need__owner", "offer__owner"),
        request.municipality,
        pk=pk,
    )
    if not request.user.is_authenticated:
        raise Http404
    if not request.user.has_perm("resources.view_proposal", proposal):
        raise Http404
    return proposal


def proposal_detail(request, pk: int):
    proposal = _proposal(request, pk)
    user = request.user
    can_answer = proposal.status == Proposal.Status.PROPOSED and (
        (holds(user, proposal.need) and not proposal.need_accepted_at)
        or (holds(user, proposal.offer) and not proposal.offer_accepted_at)
    )
    can_decline = proposal.is_open and (
        holds(user, proposal.need) or holds(user, proposal.offer)
    )
    facilitate = proposal.status == Proposal.Status.SUGGESTED and user.has_perm(
        "resources.facilitate", request.municipality
    )
    return render(
        request,
        "resources/proposal_detail.html",
        {
            "proposal": proposal,
            "can_answer": can_answer,
            "can_decline": can_decline,
            "facilitate": facilitate,
            "adjust_form": AdjustForm() if facilitate else None,
            "language": get_language(),
            "collaboration": getattr(proposal, "collaboration", None)
            if proposal.status == Proposal.Status.ACCEPTED
            else None,
        },
    )


def _proposal_action(request, pk, action):
    proposal = _proposal(request, pk)
    try:
        result = action(proposal)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
        return redirect(proposal.get_absolute_url())
    return result


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


def _require_facilitator(request):
    if not request.user.is_authenticated or not request.user.has_perm(
        "resources.facilitate", request.municipality
    ):
        raise PermissionDenied


@require_POST
def proposal_confirm(request, pk: int):
    _require_facilitator(request)

    def act(proposal):
        offer = None
        if request.POST.get("offer"):
            form = AdjustForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Angiv nummeret på en ressource."))
                return redirect(proposal.get_absolute_url())
            offer = get_scoped_or_404(
                Listing, request.municipality, pk=form.cleaned_data["offer"]
            )
        proposal = services.proposal_confirm(
            proposal=proposal, actor=request.user, offer=offer
        )
        messages.success(request, _("Begge sider er nu spurgt."))
        return redirect(proposal.get_absolute_url())

    return _proposal_action(request, pk, act)


@require_POST
def proposal_dismiss(request, pk: int):
    _require_facilitator(request)

    def act(proposal):
        services.proposal_dismiss(proposal=proposal, actor=request.user)
        messages.success(request, _("Forslaget er afvist."))
        return redirect(tenant_reverse("resources:queue", request.municipality))

    return _proposal_action(request, pk, act)


def facilitation_queue(request):
    _require_facilitator(request)
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


@login_required
def my_listings(request):
    municipality = request.municipality
    listings = list(
        selectors.listings_of(municipality=municipality, user=request.user)[:30]
    )
    levels = visibility_levels(request.user, municipality)
    today = timezone.localdate()
    rows = [
        (
            listing,
            matches_for(listing, levels=levels, top=3, today=today)
            if listing.is_active and not listing.is_expired(today)
            else [],
        )
        for listing in listings
    ]
    return render(
        request,
        "resources/my_listings.html",
        {
            "rows": rows,
            "proposals": list(
                selectors.open_proposals_for_user(
                    municipality=municipality, user=request.user
                )[:20]
            ),
            "collaborations": list(
                selectors.collaborations_of(
                    municipality=municipality, user=request.user
                )[:20]
            ),
            "language": get_language(),
            "today": today,
        },
    )


def _collaboration(request, pk: int) -> Collaboration:
    collaboration = get_scoped_or_404(
        Collaboration.objects.select_related(
            "need", "offer", "need_owner", "offer_owner", "facilitator"
        ),
        request.municipality,
        pk=pk,
    )
    if not request.user.has_perm("resources.view_collaboration", collaboration):
        raise PermissionDenied
    return collaboration


def collaboration_detail(request, pk: int):
    collaboration = _collaboration(request, pk)
    is_side = request.user.pk in (
        collaboration.need_owner_id,
        collaboration.offer_owner_id,
    )
    feedback = list(collaboration.feedback.select_related("author"))
    return render(
        request,
        "resources/collaboration_detail.html",
        {
            "collaboration": collaboration,
            "messages_list": list(
                collaboration.messages.select_related("author").order_by(
                    "created_at", "id"
                )[:200]
            ),
            "hours": list(collaboration.hours.select_related("person")[:50]),
            "feedback": feedback,
            "message_form": MessageForm(),
            "status_form": StatusForm(initial={"status": collaboration.status}),
            "hours_form": HoursForm(initial={"on": timezone.localdate()}),
            "feedback_form": FeedbackForm()
            if is_side
            and collaboration.status == Collaboration.Status.FINISHED
            and not any(f.author_id == request.user.pk for f in feedback)
            else None,
        },
    )


def _collaboration_form(request, pk, form_class, action, success):
    collaboration = _collaboration(request, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(e) for errs in form.errors.values() for e in errs)
        )
    else:
        try:
            action(collaboration, form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, success)
    return redirect(collaboration.get_absolute_url())


@require_POST
def collaboration_message(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        MessageForm,
        lambda c, d: services.collaboration_message_post(
            collaboration=c, actor=request.user, body=d["body"]
        ),
        _("Beskeden er sendt."),
    )


@require_POST
def collaboration_status(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        StatusForm,
        lambda c, d: services.collaboration_set_status(
            collaboration=c, actor=request.user, status=d["status"]
        ),
        _("Status er opdateret."),
    )


@require_POST
def collaboration_hours(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        HoursForm,
        lambda c, d: services.collaboration_log_hours(
            collaboration=c, actor=request.user, hours=d["hours"], on=d["on"]
        ),
        _("Timerne er skrevet ned."),
    )


@require_POST
def collaboration_feedback(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        FeedbackForm,
        lambda c, d: services.collaboration_feedback_give(
            collaboration=c, actor=request.user, text=d["text"]
        ),
        _("Tak for din tilbagemelding."),
    )
