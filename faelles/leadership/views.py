"""The leaders' page (a unit picker and the sections other apps register) and
a unit's goals: setting one, changing it, following it up."""

from __future__ import annotations

import html

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from faelles.core import access
from faelles.core.params import parse_id
from faelles.organisations.models import Organisation
from faelles.organisations.sections import leader_sections
from faelles.organisations.selectors import departments_read_once

from . import selectors, services
from .forms import CheckInForm, GoalForm
from .models import Goal

GOALS = Goal.objects.select_related("department", "owner")


def _allowed(request) -> tuple[set[int], bool]:
    """The departments the person may look at here: 404 for anyone who is not
    a leader or an administrator (the page is staff-only)."""
    access.require_login(request)
    access.hide_unless(request, "leadership.view_page", request.municipality)
    allowed, every = selectors.page_departments(
        municipality=request.municipality, user=request.user
    )
    if not allowed and not every:
        raise Http404  # a leader without a department leads nothing
    return allowed, every


def _unit(request, allowed: set[int]) -> int | None:
    """``?enhed=``: one of the departments the person may look at, else 404."""
    raw = request.GET.get("enhed", "")
    if raw == "":
        return None
    unit = parse_id(raw)
    if unit is None or unit not in allowed:
        raise Http404
    return unit


def _options(choices: list[selectors.Choice], unit: int | None) -> str:
    """The unit picker's options, written in one pass: an administrator picks
    among every department and unit (300 in a large municipality), which cost
    more through the template than the rest of the page."""
    quote = html.escape  # the same five characters as Django's escape
    return mark_safe(  # noqa: S308 - every part is escaped
        "".join(
            f'<option value="{d.pk}"{" selected" if d.pk == unit else ""}>'
            f"{quote(d.indent)}{quote(d.name)}</option>"
            for d in choices
        )
    )


def page(request):
    # The page, its picker and its sections (goals, pulse, …) all ask for the
    # department tree: one query for the request.
    with departments_read_once(request.municipality):
        return _page(request)


def _page(request):
    municipality = request.municipality
    allowed, every = _allowed(request)
    unit = _unit(request, allowed)
    departments = (
        selectors.chosen_departments(
            municipality=municipality, allowed=allowed, unit=unit
        )
        if unit is not None
        else allowed
    )
    choices = selectors.department_choices(
        municipality=municipality, departments=allowed
    )
    chosen = next((d for d in choices if d.pk == unit), None)
    return render(
        request,
        "leadership/page.html",
        {
            "choices": choices,
            "options": _options(choices, unit),
            "unit": chosen.organisation(municipality) if chosen else None,
            "every": every,
            "departments": departments,
            "sections": leader_sections(request, departments),
        },
    )


def _department_for_new_goal(request) -> Organisation:
    unit = parse_id(request.GET.get("enhed", ""))
    if unit is None:
        raise Http404
    access.require_login(request)
    department = access.get_or_404(request, Organisation.objects.departments(), pk=unit)
    access.hide_unless(request, "leadership.create_goal", department)
    return department


def goal_create(request):
    department = _department_for_new_goal(request)
    municipality = request.municipality
    owners = selectors.owner_choices(
        municipality=municipality, department=department, include=[request.user]
    )
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        owners=owners,
        initial={
            "owner": request.user.pk
            if owners.filter(pk=request.user.pk).exists()
            else None
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_create(
                municipality=municipality,
                department=department,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Målet er sat. Følg op på det undervejs."))
            return redirect(goal.get_absolute_url())
    return render(
        request,
        "leadership/goal_form.html",
        {"form": form, "department": department, "goal": None},
    )


def _goal(request, pk: int, perm: str | None = None) -> Goal:
    """The goal, for the municipality's employees and administrators; 404 for
    everyone else logged in, the login page for a visitor."""
    access.require_login(request)
    return access.get_or_404(
        request, GOALS, pk=pk, view="leadership.view_goal", perm=perm
    )


def goal_detail(request, pk: int):
    goal = _goal(request, pk)
    may_edit = request.user.has_perm("leadership.edit_goal", goal)
    return _render_detail(
        request,
        goal,
        CheckInForm(initial={"date": timezone.localdate(), "status": goal.status})
        if may_edit
        else None,
    )


def _render_detail(
    request, goal: Goal, form: CheckInForm | None, *, saved: bool = False
):
    today = timezone.localdate()
    context = {
        "goal": goal,
        "shown_status": goal.shown_status(today),
        "late": goal.is_late(today),
        "check_in_overdue": goal.check_in_overdue(today),
        "history": selectors.history(goal=goal),
        "form": form,
        "may_edit": form is not None,
        "may_lead": request.user.has_perm("leadership.view_page", goal.municipality),
        "saved": saved,
    }
    if request.htmx:
        return render(request, "leadership/partials/_follow_up.html", context)
    return render(request, "leadership/goal_detail.html", context)


def goal_edit(request, pk: int):
    goal = _goal(request, pk, perm="leadership.edit_goal")
    owners = selectors.owner_choices(
        municipality=request.municipality,
        department=goal.department,
        include=[request.user, goal.owner],
    )
    form = GoalForm(
        request.POST if request.method == "POST" else None,
        owners=owners,
        initial={
            "title": goal.title,
            "description": goal.description,
            "success": goal.success,
            "target_date": goal.target_date,
            "owner": goal.owner_id,
            "check_in_days": goal.check_in_days,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            goal = services.goal_update(
                goal=goal, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Målet er ændret."))
            return redirect(goal.get_absolute_url())
    return render(
        request,
        "leadership/goal_form.html",
        {"form": form, "department": goal.department, "goal": goal},
    )


def check_in(request, pk: int):
    """Record a follow-up (POST; GET shows the goal). With htmx the history and
    the form are swapped in place."""
    goal = _goal(request, pk, perm="leadership.edit_goal")
    if request.method != "POST":
        return redirect(goal.get_absolute_url())
    form = CheckInForm(request.POST)
    if form.is_valid():
        try:
            services.check_in_record(
                goal=goal,
                actor=request.user,
                day=form.cleaned_data["date"],
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                learned=form.cleaned_data["learned"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Opfølgningen er gemt."))
                return redirect(goal.get_absolute_url())
            goal = GOALS.get(pk=goal.pk)
            form = CheckInForm(
                initial={"date": timezone.localdate(), "status": goal.status}
            )
            return _render_detail(request, goal, form, saved=True)
    return _render_detail(request, goal, form)
