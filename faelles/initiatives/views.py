"""Initiative pages: list, propose, detail, taking part, facilitation, lifecycle."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.params import search_words
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import theme_options
from faelles.organisations.selectors import acting_organisation
from faelles.resources.models import Listing

from . import selectors, services
from .forms import (
    CommentForm,
    EvaluationForm,
    FacilitatorForm,
    HideCommentForm,
    ImageForm,
    InitiativeEditForm,
    InitiativeForm,
    JoinForm,
    NeedForm,
    NeedPublishForm,
    SettingsForm,
    TransitionForm,
    TrialForm,
)
from .lifecycle import TRIAL_STATES
from .models import Comment, Initiative, State


def initiative_list(request):
    state = request.GET.get("state", "")
    theme = request.GET.get("theme", "")
    query = search_words(request.GET.get("q"))
    page = selectors.initiative_list(
        municipality=request.municipality,
        user=request.user,
        state=state,
        theme=theme,
        query=query,
        after=request.GET.get("after"),
    )
    themes = selectors.themes_for([i.pk for i in page.items])
    for item in page.items:
        item.theme_labels = themes.get(item.pk, [])
    return render(
        request,
        "initiatives/initiative_list.html",
        {
            "page": page,
            "state": state,
            "theme": theme,
            "query": query,
            "states": State.choices,
            "themes": theme_options(request.municipality),
            "can_propose": request.user.has_perm(
                "initiatives.propose", request.municipality
            ),
        },
    )


def initiative_create(request):
    access.require_perm(request, "initiatives.propose")
    organisation = acting_organisation(request)
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        municipality=request.municipality,
        staff=request.user.has_perm(
            "initiatives.make_staff_only", request.municipality
        ),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            initiative = services.initiative_create(
                municipality=request.municipality,
                proposer=request.user,
                organisation=organisation,
                title=data["title"],
                challenge=data["challenge"],
                idea=data["idea"],
                target_group=data["target_group"],
                postcode=data["postcode"],
                place=data["place"],
                themes=data["themes"],
                focus_area=data["focus_area"],
                principles=data["principles"],
                needs=form.needs(),
                image=data.get("image") or None,
                image_alt=data.get("image_alt", ""),
                staff_only=data.get("staff_only", False),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request, _("Tak! Dit initiativ er oprettet, og kommunen får besked.")
            )
            return redirect(initiative.get_absolute_url())
    return render(
        request,
        "initiatives/initiative_form.html",
        {"form": form, "organisation": organisation},
    )


def initiative_update(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.edit", initiative)
    form = InitiativeEditForm(
        request.POST or None, instance=initiative, municipality=request.municipality
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.initiative_update(
                initiative=initiative,
                actor=request.user,
                themes=data["themes"],
                focus_area=data["focus_area"],
                principles=data["principles"],
                **{name: data[name] for name in services.EDITABLE_FIELDS},
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Initiativet er opdateret."))
            return redirect(initiative.get_absolute_url())
    return render(
        request,
        "initiatives/initiative_edit.html",
        {"form": form, "initiative": initiative},
    )


def _openable_listings(user, initiative) -> set[int]:
    """Ids of the published needs' listings this person may open.

    A need published to Ressourcer og behov is seen by the municipality's members
    only; nobody else gets a link that would end in a 404.
    """
    ids = [n.listing_id for n in initiative.needs.all() if n.listing_id]
    if not ids:
        return set()
    listings = Listing.objects.select_related("organisation", "owner").filter(
        pk__in=ids
    )
    return {
        listing.pk
        for listing in listings
        if user.has_perm("resources.view_listing", listing)
    }


def initiative_open_to_citizens(request, pk: int):
    """Open an internal initiative to citizens, after a confirmation page."""
    initiative = access.get_or_404(
        request, Initiative, pk=pk, perm="initiatives.open_to_citizens"
    )
    if request.method == "POST":
        access.act(
            request,
            lambda: services.initiative_open_to_citizens(
                initiative=initiative, actor=request.user
            ),
            done=_("Initiativet er nu åbent for borgerne."),
        )
        return redirect(initiative.get_absolute_url())
    return render(
        request, "initiatives/initiative_open.html", {"initiative": initiative}
    )


def initiative_detail(request, pk: int):
    initiative = selectors.initiative_detail(municipality=request.municipality, pk=pk)
    initiative.municipality = request.municipality  # the permission checks read it
    # An internal initiative does not exist for anyone but staff.
    access.hide_unless(request, "initiatives.view_initiative", initiative)
    threads, next_comment = selectors.comment_threads(
        initiative=initiative, after=request.GET.get("kommentarer_efter")
    )
    trial = None
    if initiative.state in TRIAL_STATES or initiative.state == State.PREPARING:
        trial = (
            initiative.trials.prefetch_related("criteria").order_by("-round").first()
        )
    user = request.user
    targets = services.available_transitions(user, initiative)
    can_take_part = user.has_perm("initiatives.take_part", initiative)
    return render(
        request,
        "initiatives/initiative_detail.html",
        {
            "initiative": initiative,
            "threads": threads,
            "next_comment": next_comment,
            "trial": trial,
            "viewer": selectors.viewer_state(initiative=initiative, user=user),
            "can_take_part": can_take_part,
            "can_moderate": user.has_perm("initiatives.moderate_comment", initiative),
            "can_assign": user.has_perm("initiatives.assign_facilitator", initiative),
            "can_edit_trial": initiative.state == State.PREPARING
            and user.has_perm("initiatives.edit_trial", initiative),
            "can_adjust_trial": initiative.state == State.TRYING
            and trial is not None
            and trial.outcome is None
            and user.has_perm("initiatives.edit_trial", initiative),
            "trial_revisions": (
                list(trial.revisions.select_related("changed_by")) if trial else []
            ),
            "can_evaluate": initiative.state == State.EVALUATING
            and trial is not None
            and user.has_perm("initiatives.evaluate", initiative),
            "can_manage_needs": user.has_perm("initiatives.manage_needs", initiative),
            "openable_listings": _openable_listings(user, initiative),
            "can_edit": user.has_perm("initiatives.edit", initiative),
            "can_open": user.has_perm("initiatives.open_to_citizens", initiative),
            "can_write_story": user.has_perm("initiatives.write_story", initiative),
            "transition_form": TransitionForm(targets=targets) if targets else None,
            "join_form": JoinForm(initiative=initiative) if can_take_part else None,
            "comment_form": CommentForm() if can_take_part else None,
            "acting_as": acting_organisation(request) if can_take_part else None,
        },
    )


def _back(initiative, anchor: str = ""):
    return redirect(initiative.get_absolute_url() + (f"#{anchor}" if anchor else ""))


@require_POST
def support(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.take_part", initiative)
    as_org = request.POST.get("as_organisation") == "1"
    organisation = acting_organisation(request) if as_org else None
    supported = services.support_toggle(
        initiative=initiative, user=request.user, organisation=organisation
    )
    if request.htmx:
        return render(
            request,
            "initiatives/partials/_support.html",
            {"initiative": initiative, "viewer": {"supported": supported}},
        )
    messages.success(
        request,
        _("Tak for din støtte.") if supported else _("Din støtte er trukket tilbage."),
    )
    return _back(initiative, "deltag")


@require_POST
def follow(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.take_part", initiative)
    following = services.follow_toggle(initiative=initiative, user=request.user)
    messages.success(
        request,
        _("Du følger nu initiativet.")
        if following
        else _("Du følger ikke længere initiativet."),
    )
    return _back(initiative, "deltag")


@require_POST
def join(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.take_part", initiative)
    form = JoinForm(request.POST, initiative=initiative)
    if form.is_valid():
        as_org = request.POST.get("as_organisation") == "1"
        access.act(
            request,
            lambda: services.participation_join(
                initiative=initiative,
                user=request.user,
                role=form.cleaned_data["role"],
                need=form.cleaned_data["need"],
                organisation=acting_organisation(request) if as_org else None,
            ),
            done=_("Velkommen! Du er nu med i initiativet."),
        )
    else:
        access.form_error_messages(request, form)
    return _back(initiative, "deltag")


@require_POST
def comment(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.take_part", initiative)
    form = CommentForm(request.POST)
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = initiative.comments.filter(pk=form.cleaned_data["parent"]).first()
        as_org = request.POST.get("as_organisation") == "1"
        access.act(
            request,
            lambda: services.comment_create(
                initiative=initiative,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                organisation=acting_organisation(request) if as_org else None,
            ),
            done=_("Din kommentar er tilføjet."),
        )
    else:
        messages.error(request, _("Skriv en kommentar på højst 4000 tegn."))
    return _back(initiative, "kommentarer")


def comment_hide(request, pk: int, comment_pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    comment = _comment_or_404(initiative, comment_pk)
    access.require_perm(request, "initiatives.moderate_comment", initiative)
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_hide(
            comment=comment, moderator=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Kommentaren er skjult."))
        return _back(initiative, "kommentarer")
    return render(
        request,
        "initiatives/comment_hide.html",
        {"initiative": initiative, "comment": comment, "form": form},
    )


def _comment_or_404(initiative, comment_pk) -> Comment:
    found = initiative.comments.select_related("author").filter(pk=comment_pk).first()
    if found is None:
        raise Http404
    return found


def facilitate(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.assign_facilitator", initiative)
    form = FacilitatorForm(
        request.POST or None,
        municipality=request.municipality,
        initial={
            "facilitator": initiative.facilitator_id,
            "team": list(initiative.team.values_list("pk", flat=True)),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.facilitator_assign(
                initiative=initiative,
                actor=request.user,
                facilitator=form.cleaned_data["facilitator"],
                team=form.cleaned_data["team"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Facilitatoren er sat på initiativet."))
            return _back(initiative)
    return render(
        request,
        "initiatives/initiative_facilitate.html",
        {"initiative": initiative, "form": form},
    )


@require_POST
def transition(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_login(request)
    targets = services.available_transitions(request.user, initiative)
    if not targets:
        raise PermissionDenied
    form = TransitionForm(request.POST, targets=targets)
    if form.is_valid():
        access.act(
            request,
            lambda: services.initiative_transition(
                initiative=initiative,
                actor=request.user,
                target=form.cleaned_data["target"],
                reason=form.cleaned_data["reason"],
            ),
            done=_("Initiativet er nu i fasen “%(state)s”.")
            % {"state": State(form.cleaned_data["target"]).label},
        )
    else:
        messages.error(request, _("Vælg en ny fase og skriv hvorfor."))
    return _back(initiative, "forloeb")


def need_add(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.manage_needs", initiative)
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.need_add(
            initiative=initiative, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Behovet er tilføjet."))
        return _back(initiative, "behov")
    return render(
        request,
        "initiatives/need_form.html",
        {"initiative": initiative, "form": form},
    )


def _need_or_404(initiative, need_pk):
    found = initiative.needs.select_related("listing").filter(pk=need_pk).first()
    if found is None:
        raise Http404
    return found


def need_publish(request, pk: int, need_pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    need = _need_or_404(initiative, need_pk)
    access.require_perm(request, "initiatives.manage_needs", initiative)
    if need.listing_id:
        return redirect(need.listing.get_absolute_url())
    form = NeedPublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            listing = services.need_publish(
                need=need, actor=request.user, kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Behovet er slået op under Ressourcer og behov, hvor det "
                    "matches med det, andre tilbyder."
                ),
            )
            return redirect(listing.get_absolute_url())
    return render(
        request,
        "initiatives/need_publish.html",
        {"initiative": initiative, "need": need, "form": form},
    )


@require_POST
def need_close(request, pk: int, need_pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    need = _need_or_404(initiative, need_pk)
    access.require_perm(request, "initiatives.manage_needs", initiative)
    services.need_close(need=need, actor=request.user)
    messages.success(request, _("Behovet er markeret som dækket."))
    return _back(initiative, "behov")


def image_add(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.add_image", initiative)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.image_add(
                initiative=initiative,
                actor=request.user,
                image=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except ValidationError as error:
            access.form_errors(form, error, field="image")
        else:
            messages.success(request, _("Billedet er tilføjet."))
            return _back(initiative)
    return render(
        request,
        "initiatives/image_form.html",
        {"initiative": initiative, "form": form},
    )


def worklist(request):
    access.require_perm(request, "initiatives.view_worklist")
    return render(
        request,
        "initiatives/worklist.html",
        {
            "mine": selectors.worklist(
                municipality=request.municipality, user=request.user
            ).select_related("proposer")[:200],
            "unassigned": selectors.unassigned(municipality=request.municipality)[:50],
        },
    )


def awaiting_response(request):
    access.require_perm(request, "initiatives.view_overdue")
    settings = selectors.settings_for(request.municipality)
    return render(
        request,
        "initiatives/awaiting_response.html",
        {
            "initiatives": selectors.awaiting_response(
                municipality=request.municipality
            )[:200],
            "settings": settings,
        },
    )


def settings_view(request):
    access.require_perm(request, "initiatives.change_settings")
    current = selectors.settings_for(request.municipality)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.settings_update(
            municipality=request.municipality,
            actor=request.user,
            response_days=form.cleaned_data["response_days"],
            library_public=form.cleaned_data["library_public"],
        )
        messages.success(request, _("Indstillingerne er gemt."))
        return redirect(tenant_reverse("initiatives:settings", request.municipality))
    return render(request, "initiatives/settings_form.html", {"form": form})


def trial_plan(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.edit_trial", initiative)
    trial = services.current_trial(initiative)
    if trial is not None and trial.outcome is not None:
        trial = None  # a new round starts from scratch
    running = initiative.state == State.TRYING
    if initiative.state != State.PREPARING and not (running and trial is not None):
        messages.error(
            request,
            _(
                "Prøvehandlingen kan kun beskrives, mens initiativet forberedes, "
                "og justeres, mens det afprøves."
            ),
        )
        return _back(initiative)
    form = TrialForm(
        request.POST or None, initial=TrialForm.initial_from(trial), running=running
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.trial_plan(
                initiative=initiative,
                actor=request.user,
                we_believe=data["we_believe"],
                will_lead_to=data["will_lead_to"],
                what_is_tried=data["what_is_tried"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                criteria=form.criteria(),
                reason=data.get("reason", ""),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Prøvehandlingen er justeret.")
                if running
                else _("Prøvehandlingen er beskrevet."),
            )
            return _back(initiative, "proevehandling")
    return render(
        request,
        "initiatives/trial_form.html",
        {"initiative": initiative, "form": form, "running": running},
    )


def trial_evaluate(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.evaluate", initiative)
    trial = services.current_trial(initiative)
    if initiative.state != State.EVALUATING or trial is None:
        messages.error(
            request, _("Prøvehandlingen evalueres, når afprøvningen er slut.")
        )
        return _back(initiative)
    form = EvaluationForm(request.POST or None, trial=trial)
    if request.method == "POST" and form.is_valid():
        try:
            services.trial_evaluate(
                trial=trial,
                actor=request.user,
                outcome=form.cleaned_data["outcome"],
                learned=form.cleaned_data["learned"],
                do_differently=form.cleaned_data["do_differently"],
                results=form.results(),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Evalueringen er gemt og kan nu findes i læringsbanken."),
            )
            return _back(initiative, "proevehandling")
    return render(
        request,
        "initiatives/trial_evaluate.html",
        {"initiative": initiative, "trial": trial, "form": form},
    )
