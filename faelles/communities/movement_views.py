from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.pagination import keyset_page

from . import movement_services as services
from . import selectors
from .forms import ActionForm, MovementForm, PledgeForm, TeamForm
from .models import Movement, Pledge

MOVEMENTS = Movement.objects.select_related("leader", "organisation")


def movement_list(request):
    page = keyset_page(
        selectors.movement_list(municipality=request.municipality).only(
            "id",
            "municipality_id",
            "title",
            "goal",
            "led_by",
            "unit",
            "target",
            "pledged_total",
            "participant_count",
        ),
        after=request.GET.get("efter"),
        per_page=20,
    )
    return render(
        request,
        "communities/movement_list.html",
        {
            "page": page,
            "can_create": request.user.has_perm(
                "communities.create_movement", request.municipality
            ),
        },
    )


@login_required
def movement_create(request):
    access.require_perm(request, "communities.create_movement")
    form = MovementForm(
        request.POST or None,
        municipality=request.municipality,
        user=request.user,
        is_politician=bool(request.membership and request.membership.is_politician),
    )
    if request.method == "POST" and form.is_valid():
        try:
            movement = services.movement_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Bevægelsen er startet."))
            return redirect(movement.get_absolute_url())
    return render(request, "communities/movement_form.html", {"form": form})


def _detail_context(request, movement, **forms):
    user = request.user
    pledge = (
        Pledge.objects.filter(movement=movement, user=user).first()
        if user.is_authenticated
        else None
    )
    actions = list(movement.actions.select_related("user")[:10])
    # Names are shown only for people who chose the leaderboard.
    named = set(
        Pledge.objects.filter(
            movement=movement,
            on_leaderboard=True,
            user_id__in={a.user_id for a in actions},
        ).values_list("user_id", flat=True)
    )
    context = {
        "movement": movement,
        "pledge": pledge,
        "can_pledge": user.has_perm("communities.pledge", movement),
        "can_change": user.has_perm("communities.change_movement", movement),
        "pledge_form": PledgeForm(instance=pledge, movement=movement),
        # Own id prefixes: the three forms share field names on one page.
        "action_form": ActionForm(
            initial={"done_on": timezone.localdate()}, auto_id="action_%s"
        ),
        "team_form": TeamForm(auto_id="team_%s"),
        "board": selectors.leaderboard(movement=movement),
        "actions": actions,
        "named": named,
        "events": movement.events.filter(
            status="published", ends_at__gte=timezone.now()
        )
        .visible_to(user, request.municipality)
        .order_by("starts_at")[:5],
        "teams": movement.teams.all(),
    }
    context.update(forms)
    return context


def movement_detail(request, pk: int):
    movement = access.get_or_404(request, MOVEMENTS, pk=pk)
    return render(
        request,
        "communities/movement_detail.html",
        _detail_context(request, movement),
    )


@require_POST
def movement_pledge(request, pk: int):
    movement = access.get_or_404(request, MOVEMENTS, pk=pk, perm="communities.pledge")
    existing = Pledge.objects.filter(movement=movement, user=request.user).first()
    form = PledgeForm(request.POST, instance=existing, movement=movement)
    if form.is_valid():
        try:
            services.pledge_make(
                movement=movement,
                user=request.user,
                amount=form.cleaned_data["amount"],
                text=form.cleaned_data["text"],
                team=form.cleaned_data["team"],
                on_leaderboard=form.cleaned_data["on_leaderboard"],
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Tak for dit løfte!"))
            return redirect(movement.get_absolute_url())
    movement.refresh_from_db()
    return render(
        request,
        "communities/movement_detail.html",
        _detail_context(request, movement, pledge_form=form),
        status=400,
    )


@require_POST
def movement_withdraw(request, pk: int):
    movement = access.get_or_404(request, MOVEMENTS, pk=pk)
    access.require_login(request, next_url=movement.get_absolute_url())
    services.pledge_withdraw(movement=movement, user=request.user)
    messages.info(request, _("Dit løfte er trukket tilbage."))
    return redirect(movement.get_absolute_url())


@require_POST
def movement_action(request, pk: int):
    movement = access.get_or_404(request, MOVEMENTS, pk=pk, perm="communities.pledge")
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.action_log(
                movement=movement, user=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Flot! Det tæller med."))
            return redirect(movement.get_absolute_url())
    else:
        messages.error(request, _("Tjek tallet, beskrivelsen og datoen."))
    return redirect(movement.get_absolute_url())


@require_POST
def movement_team(request, pk: int):
    movement = access.get_or_404(
        request, MOVEMENTS, pk=pk, perm="communities.change_movement"
    )
    form = TeamForm(request.POST)
    if form.is_valid():
        try:
            services.team_create(
                movement=movement, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Holdet er oprettet."))
    else:
        messages.error(request, _("Giv holdet et navn og en type."))
    return redirect(movement.get_absolute_url())
