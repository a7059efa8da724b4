"""Pages for offers and needs: list, map, detail, matches, forms, "mine"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.pagination import keyset_page
from faelles.organisations.selectors import acting_organisation

from . import selectors, services
from .forms import BehalfForm, ListingForm, RespondForm, SearchForm
from .map import map_points, render_points
from .matches import matches_for
from .models import Listing, Side
from .rules import holds, visibility_levels

DETAIL_MATCHES = 3
PAGE_MATCHES = 10


LISTINGS = Listing.objects.select_related("organisation", "owner")


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
    template = "resources/listing_list.html"
    if request.headers.get("HX-Request"):
        template = "resources/partials/_results.html"
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "searched": form.is_bound,
            "filters_query": params.urlencode(),
            "can_create": request.user.has_perm(
                "resources.create_listing", request.municipality
            ),
            "can_facilitate": request.user.has_perm(
                "resources.facilitate", request.municipality
            ),
        },
    )


def listing_map(request):
    form, qs = _search(request)
    rows, complete = selectors.postcode_counts(qs)
    listings = list(qs.order_by("-id")[:20])
    found = map_points(rows)
    params = request.GET.copy()
    for name in ("postcode", "km", "efter"):
        params.pop(name, None)
    found["svg"], found["table"] = render_points(found["points"], params.urlencode())
    return render(
        request,
        "resources/listing_map.html",
        {
            "form": form,
            "map": found,
            "complete": complete,
            "map_limit": selectors.MAP_LIMIT,
            "listings": listings,
            "filters_query": request.GET.urlencode(),
        },
    )


def _create(request, side: str):
    access.require_perm(request, "resources.create_listing")
    may_behalf = request.user.has_perm("resources.post_on_behalf", request.municipality)
    behalf = request.POST.get("on_behalf") == "1" or request.GET.get("for") == "borger"
    behalf = behalf and may_behalf
    organisation = None if behalf else acting_organisation(request)
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
                    organisation=organisation,
                    special_consent=form.cleaned_data.get("special_consent", False),
                    **extra,
                    **form.service_fields(),
                )
            except ValidationError as exc:
                access.form_errors(form, exc)
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


# A listing's first category's root → the communities' theme closest to it, so a
# listing nothing fits can point to communities working on the same thing.
COMMUNITY_THEME = {
    "health": "health",
    "elderly": "talk",
    "youth": "family",
    "families": "family",
    "integration": "learning",
    "employment": "talk",
    "nature": "climate",
    "culture": "culture",
    "local": "neighbours",
    "sport": "movement",
    "digital": "learning",
}


def community_theme(listing: Listing) -> str:
    for slug in listing.categories or ():
        theme = COMMUNITY_THEME.get(slug.split(".")[0])
        if theme:
            return theme
    return ""


def _match_context(request, listing: Listing, top: int) -> dict:
    """The matches for ``listing`` and what the person looking may do with each."""
    user = request.user
    municipality = request.municipality
    found = []
    if listing.is_active and not listing.is_expired():
        found = matches_for(
            listing, levels=visibility_levels(user, municipality), top=top
        )
    is_holder = holds(user, listing)
    may_suggest = user.has_perm("resources.suggest_match", municipality)
    taken = set()
    if found and may_suggest:
        taken = selectors.proposed_partners(listing=listing)
    return {
        "found": found,
        "is_holder": is_holder,
        "may_suggest": may_suggest and listing.is_active,
        "can_facilitate": user.has_perm("resources.facilitate", municipality),
        "taken": taken,
        "language": get_language(),
        "community_theme": "" if found else community_theme(listing),
        **_nothing_fits_context(request, listing, found),
    }


def _nothing_fits_context(request, listing: Listing, found: list) -> dict:
    """What the page offers when nothing fits: communities about the same thing (only
    those the viewer may see) and whether the holder may still ask a facilitator."""
    if found or not listing.is_active:
        return {"related_communities": []}
    asked_at = None
    if holds(request.user, listing):
        asked_at = selectors.facilitator_asked_at(listing=listing)
    return {
        "related_communities": selectors.related_communities(
            listing=listing, user=request.user
        ),
        "facilitator_asked_at": asked_at,
    }


@require_POST
def listing_ask_facilitator(request, pk: int):
    """The holder of a listing nothing fits asks the municipality for help."""
    listing = access.get_or_404(request, LISTINGS, pk=pk, view="resources.view_listing")
    access.require_login(request, next_url=listing.get_absolute_url())
    if not holds(request.user, listing):
        raise PermissionDenied
    try:
        services.facilitator_ask(listing=listing, actor=request.user)
    except services.AlreadyAsked:
        messages.info(request, _("Du har allerede bedt kommunen om hjælp."))
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(
            request,
            _("Kommunen har fået besked og kontakter dig, når de har et forslag."),
        )
    return redirect(listing.get_absolute_url())


def listing_detail(request, pk: int):
    listing = access.get_or_404(request, LISTINGS, pk=pk, view="resources.view_listing")
    user = request.user
    context = _match_context(request, listing, DETAIL_MATCHES + 1)
    context["more_matches"] = len(context["found"]) > DETAIL_MATCHES
    context["found"] = context["found"][:DETAIL_MATCHES]
    is_holder = context["is_holder"]
    my_offers = []
    if (
        listing.side == Side.NEED
        and user.is_authenticated
        and not is_holder
        and listing.is_active
        and not listing.is_expired()
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
        for proposal in proposals:
            # A forløb is private to its sides and facilitator: no dead link for others.
            collaboration = getattr(proposal, "collaboration", None)
            proposal.collaboration_openable = collaboration is not None and (
                user.has_perm("resources.view_collaboration", collaboration)
            )
    certificate = None
    if listing.side == Side.OFFER and (is_holder or context["may_suggest"]):
        certificate = selectors.valid_certificate(
            municipality=request.municipality, person=listing.owner
        )
    context.update(
        {
            "listing": listing,
            "can_edit": user.has_perm("resources.change_listing", listing),
            "respond_form": RespondForm(offers=my_offers) if my_offers else None,
            "proposals": proposals,
            "certificate": certificate,
            "expiring_soon": (listing.expires_on - timezone.localdate()).days <= 14,
        }
    )
    return render(request, "resources/listing_detail.html", context)


def listing_matches(request, pk: int):
    """ "Matches for this need" (or offer): the engine's top ten, explained."""
    listing = access.get_or_404(request, LISTINGS, pk=pk, view="resources.view_listing")
    context = _match_context(request, listing, PAGE_MATCHES)
    context["listing"] = listing
    return render(request, "resources/listing_matches.html", context)


def listing_edit(request, pk: int):
    listing = access.get_or_404(
        request,
        LISTINGS,
        pk=pk,
        view="resources.view_listing",
        perm="resources.change_listing",
    )
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
            access.form_errors(form, exc)
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
    listing = access.get_or_404(
        request,
        LISTINGS,
        pk=pk,
        view="resources.view_listing",
        perm="resources.change_listing",
    )
    listing = services.listing_renew(listing=listing, actor=request.user)
    messages.success(
        request,
        _("Opslaget er fornyet til %(date)s.")
        % {"date": date_format(listing.expires_on, "DATE_FORMAT")},
    )
    return redirect(listing.get_absolute_url())


@require_POST
def listing_close(request, pk: int):
    listing = access.get_or_404(
        request,
        LISTINGS,
        pk=pk,
        view="resources.view_listing",
        perm="resources.change_listing",
    )
    services.listing_close(listing=listing, actor=request.user)
    messages.success(request, _("Opslaget er lukket og vises ikke længere."))
    return redirect(listing.get_absolute_url())


@require_POST
def listing_respond(request, pk: int):
    """ "Jeg kan hjælpe" on a need, with one of the person's offers."""
    need = access.get_or_404(request, LISTINGS, pk=pk, view="resources.view_listing")
    access.require_login(request, next_url=need.get_absolute_url())
    if need.side != Side.NEED:
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
        access.error_messages(request, exc)
        return redirect(need.get_absolute_url())
    messages.success(request, _("Tak! Vi har spurgt, om de vil tage imod hjælpen."))
    return redirect(proposal.get_absolute_url())


@login_required
def my_listings(request):
    """The person's listings, with what waits for them. Each open listing's top
    three matches come from ``my_listing_matches`` once the page is shown (htmx),
    so the page costs the same with one listing or thirty; without JavaScript a
    link leads to the matches page."""
    municipality = request.municipality
    held = selectors.listings_of(municipality=municipality, user=request.user)
    listings = list(held[:30])
    mine = list(held.values_list("pk", flat=True))
    today = timezone.localdate()
    rows = [
        (listing, listing.is_active and not listing.is_expired(today))
        for listing in listings
    ]
    return render(
        request,
        "resources/my_listings.html",
        {
            "rows": rows,
            "proposals": list(
                selectors.open_proposals_for_user(
                    municipality=municipality, user=request.user, mine=mine
                )[:20]
            ),
            "collaborations": list(
                selectors.collaborations_of(
                    municipality=municipality, user=request.user
                )[:20]
            ),
            "certificates": list(
                selectors.certificates_of(
                    municipality=municipality, person=request.user
                )
            ),
            "today": today,
        },
    )


@login_required
def my_listing_matches(request, pk: int):
    """The top three matches for one of the person's own listings: the fragment
    "Mine ressourcer og behov" loads for each open listing."""
    listing = access.get_or_404(request, LISTINGS, pk=pk, view="resources.view_listing")
    if not holds(request.user, listing):
        raise Http404
    today = timezone.localdate()
    found = []
    if listing.is_active and not listing.is_expired(today):
        found = matches_for(
            listing,
            levels=visibility_levels(request.user, request.municipality),
            top=3,
            today=today,
        )
    return render(
        request,
        "resources/partials/_my_matches.html",
        {"listing": listing, "found": found, "language": get_language()},
    )
