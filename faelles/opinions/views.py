from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import polis_import, services
from .forms import (
    MapForm,
    ModerateForm,
    PhaseForm,
    PolisImportForm,
    StatementForm,
    VoteForm,
)
from .models import OpinionMap, PolisImport, Statement, VoteValue
from .phases import MAP_PHASES
from .selectors import (
    map_list,
    moderation_queue,
    next_statement,
    open_maps,
    phase_steps,
    polis_export,
    progress,
    result_context,
)

VIEW = "opinions.view_map"


def map_list_view(request):
    return render(
        request,
        "opinions/map_list.html",
        {
            "maps": map_list(municipality=request.municipality, viewer=request.user),
            "can_create": request.user.has_perm(
                "opinions.create_map", request.municipality
            ),
        },
    )


def map_create(request):
    access.require_perm(request, "opinions.create_map")
    form = MapForm(
        request.POST if request.method == "POST" else None,
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            opinion_map = services.map_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Meningskortet er oprettet."))
            return redirect(opinion_map.get_absolute_url())
    return render(request, "opinions/map_form.html", {"form": form})


def map_import(request):
    """A new map from a Polis conversation: the files are checked here, the rows
    written by a background task (the map says so until it is done)."""
    access.require_perm(request, "opinions.create_map")
    form = PolisImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            opinion_map = polis_import.polis_import_start(
                municipality=request.municipality,
                actor=request.user,
                title=form.cleaned_data["title"],
                question=form.cleaned_data["question"],
                comments=form.files_read["comments.csv"],
                votes=form.files_read["votes.csv"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Samtalen er læst og kontrolleret. Udsagn og stemmer lægges ind "
                    "nu; det kan tage et øjeblik."
                ),
            )
            return redirect(opinion_map.get_absolute_url())
    status = 400 if form.is_bound else 200
    return render(request, "opinions/map_import.html", {"form": form}, status=status)


def map_edit(request, pk: int):
    opinion_map = access.get_or_404(
        request, OpinionMap, pk=pk, view=VIEW, perm="opinions.change_map"
    )
    form = MapForm(
        request.POST if request.method == "POST" else None,
        instance=OpinionMap.objects.get(pk=opinion_map.pk),
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.map_update(
                opinion_map=opinion_map, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(opinion_map.get_absolute_url())
    return render(
        request, "opinions/map_form.html", {"form": form, "opinion_map": opinion_map}
    )


@require_POST
def map_phase(request, pk: int):
    opinion_map = access.get_or_404(
        request, OpinionMap, pk=pk, view=VIEW, perm="opinions.change_map"
    )
    form = PhaseForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.map_set_phase(
                opinion_map=opinion_map,
                actor=request.user,
                phase=form.cleaned_data["phase"],
            ),
            done=_("Fasen er skiftet."),
        )
    return redirect(opinion_map.get_absolute_url())


def _card_context(request, opinion_map, *, announce: str = "") -> dict:
    participant = services.participant_for(opinion_map=opinion_map, user=request.user)
    can_take_part = request.user.has_perm("opinions.take_part", opinion_map)
    return {
        "opinion_map": opinion_map,
        "statement": next_statement(opinion_map=opinion_map, participant=participant)
        if opinion_map.is_open()
        else None,
        "progress": progress(opinion_map=opinion_map, participant=participant),
        "can_take_part": can_take_part,
        "vote_choices": VoteValue,
        "announce": announce,
    }


def map_detail(request, pk: int):
    opinion_map = access.get_or_404(request, OpinionMap, pk=pk, view=VIEW)
    can_change = request.user.has_perm("opinions.change_map", opinion_map)
    context = _card_context(request, opinion_map)
    context.update(
        {
            "phases": phase_steps(opinion_map),
            "can_change": can_change,
            "next_phase": MAP_PHASES.next(opinion_map) if can_change else None,
            "can_moderate": request.user.has_perm("opinions.moderate", opinion_map),
            "can_export": request.user.has_perm("opinions.export", opinion_map),
            "statement_form": StatementForm() if context["can_take_part"] else None,
            "hearing": _visible_hearing(request, opinion_map),
            # None: no import; "": in progress; else why it failed (staff only)
            "polis_import": PolisImport.objects.filter(map=opinion_map)
            .values_list("error", flat=True)
            .first()
            if can_change
            else None,
        }
    )
    return render(request, "opinions/map_detail.html", context)


def _visible_hearing(request, opinion_map: OpinionMap):
    """The hearing the map is part of, if the person may see it."""
    hearing = opinion_map.hearing if opinion_map.hearing_id else None
    if hearing is None or not request.user.has_perm("dialogue.view_hearing", hearing):
        return None
    return hearing


@require_POST
def vote(request, pk: int):
    """One vote from the card: a plain form post, or an htmx swap of the card."""
    opinion_map = access.get_or_404(
        request, OpinionMap, pk=pk, view=VIEW, perm="opinions.take_part"
    )
    form = VoteForm(request.POST)
    announce = ""
    if not form.is_valid():
        error = _("Vælg enig, uenig eller spring over.")
        if request.htmx:
            announce = error
        else:
            messages.error(request, error)
    else:
        try:
            services.vote_cast(
                opinion_map=opinion_map,
                user=request.user,
                statement_id=form.cleaned_data["statement"],
                value=form.cleaned_data["value"],
            )
        except ValidationError as error:
            if request.htmx:
                announce = " ".join(error.messages)
            else:
                access.error_messages(request, error)
        else:
            announce = _("Din stemme er gemt. Her er det næste udsagn.")
            if not request.htmx:
                messages.success(request, announce)
    if request.htmx:
        context = _card_context(request, opinion_map, announce=announce)
        context["focus"] = True
        return render(request, "opinions/partials/_vote_card.html", context)
    return redirect(opinion_map.get_absolute_url() + "#stem")


@require_POST
def statement_add(request, pk: int):
    opinion_map = access.get_or_404(
        request, OpinionMap, pk=pk, view=VIEW, perm="opinions.take_part"
    )
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            statement = services.statement_add(
                opinion_map=opinion_map,
                user=request.user,
                text=form.cleaned_data["text"],
                accept=request.user.has_perm("opinions.moderate", opinion_map),
            )
        except ValidationError as error:
            access.form_errors(form, error, field="text")
        else:
            if statement.status == "accepted":
                messages.success(request, _("Tak! Dit udsagn er med på kortet."))
            else:
                messages.success(
                    request,
                    _("Tak! Dit udsagn vises, når en moderator har godkendt det."),
                )
            return redirect(opinion_map.get_absolute_url() + "#skriv")
    context = _card_context(request, opinion_map)
    context.update({"phases": phase_steps(opinion_map), "statement_form": form})
    return render(request, "opinions/map_detail.html", context, status=400)


def results(request, pk: int):
    opinion_map = access.get_or_404(request, OpinionMap, pk=pk, view=VIEW)
    participant = services.participant_for(opinion_map=opinion_map, user=request.user)
    context = result_context(opinion_map=opinion_map, participant=participant)
    context.update(
        {
            "opinion_map": opinion_map,
            "participant": participant,
            "can_export": request.user.has_perm("opinions.export", opinion_map),
        }
    )
    return render(request, "opinions/map_results.html", context)


def moderation(request, pk: int):
    opinion_map = access.get_or_404(
        request, OpinionMap, pk=pk, view=VIEW, perm="opinions.moderate"
    )
    return render(
        request,
        "opinions/map_moderation.html",
        {"opinion_map": opinion_map, **moderation_queue(opinion_map=opinion_map)},
    )


@require_POST
def statement_moderate(request, pk: int):
    statement = access.get_or_404(
        request, Statement.objects.select_related("map"), pk=pk
    )
    access.hide_unless(request, VIEW, statement.map)
    access.require_perm(request, "opinions.moderate", statement.map)
    form = ModerateForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.statement_moderate(
                statement=statement,
                actor=request.user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
            ),
            done=_("Udsagnet er modereret."),
        )
    else:
        messages.error(request, _("Vælg godkend eller afvis."))
    return redirect(
        tenant_reverse("opinions:moderation", request.municipality, pk=statement.map_id)
    )


def export(request, pk: int):
    opinion_map = access.get_or_404(request, OpinionMap, pk=pk, view=VIEW)
    access.hide_unless(request, "opinions.export", opinion_map)
    response = HttpResponse(
        polis_export(opinion_map=opinion_map), content_type="application/zip"
    )
    name = slugify(f"{request.municipality.slug}-{opinion_map.title}")[:80] or "map"
    response["Content-Disposition"] = f'attachment; filename="{name}-polis.zip"'
    return response


def home_context(request):
    """The municipality home page section: open opinion maps (one query)."""
    if request.municipality is None:
        return None
    return {"opinion_maps": open_maps(municipality=request.municipality)}
