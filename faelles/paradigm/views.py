"""The paradigm self-assessment's pages: the rounds, one round (own placements,
the group's results from 5 people, the agreed profile over time), recording the
agreement, and the municipality's comparison of departments."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.accounts.selectors import membership_for
from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import AgreementForm, AnswerForm, OpenForm
from .models import Assessment
from .table import ROWS, STEPS, step_label


def _open_departments(request):
    """The departments the person may open a round for: any, for an
    administrator; their own, for an employee."""
    municipality = request.municipality
    all_departments = selectors.departments(municipality=municipality)
    if request.user.has_perm("paradigm.open_any", municipality):
        return all_departments
    membership = membership_for(request.user, municipality)
    if membership is None or not membership.department_id:
        return all_departments.none()
    return all_departments.filter(pk=membership.department_id)


def index(request):
    access.require_perm(request, "paradigm.use")
    municipality = request.municipality
    may_open = request.user.has_perm("paradigm.open", municipality)
    form = None
    if may_open:
        form = OpenForm(
            request.POST if request.method == "POST" else None,
            departments=_open_departments(request),
        )
        if request.method == "POST" and form.is_valid():
            try:
                assessment = services.assessment_open(
                    municipality=municipality,
                    department=form.cleaned_data["department"],
                    title=form.cleaned_data["title"],
                    actor=request.user,
                )
            except ValidationError as error:
                access.form_errors(form, error)
            else:
                messages.success(request, _("Runden er åbnet."))
                return redirect(assessment.get_absolute_url())
    elif request.method == "POST":
        access.require_perm(request, "paradigm.open")
    return render(
        request,
        "paradigm/index.html",
        {
            "rounds": selectors.rounds(municipality=municipality),
            "form": form,
            "rows": ROWS,
            "steps": [step_label(s) for s in STEPS],
        },
    )


@never_cache  # the page holds the person's own answers
def detail(request, pk: int):
    access.require_perm(request, "paradigm.use")
    assessment = access.get_or_404(
        request,
        Assessment.objects.select_related("department", "opened_by"),
        pk=pk,
        view="paradigm.view",
    )
    user = request.user
    may_answer = user.has_perm("paradigm.answer", assessment)
    own = selectors.own_answers(assessment=assessment, user=user)
    form = None
    if may_answer:
        initial = {}
        for key, answer in own.items():
            initial[f"step_{key}"] = str(answer.step)
            initial[f"note_{key}"] = answer.note
        form = AnswerForm(
            request.POST if request.method == "POST" else None, initial=initial
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.answers_save(
                    assessment=assessment,
                    user=user,
                    steps=form.steps(),
                    notes=form.notes(),
                )
            except ValidationError as error:
                access.form_errors(form, error)
            else:
                messages.success(request, _("Dine placeringer er gemt."))
                return redirect(assessment.get_absolute_url())
    elif request.method == "POST":
        access.require_perm(request, "paradigm.answer", assessment)
    agreed = selectors.agreements(assessment=assessment)
    return render(
        request,
        "paradigm/detail.html",
        {
            "assessment": assessment,
            "form": form,
            "own": [(row, own.get(row.key)) for row in ROWS],
            "has_own": bool(own),
            "results": selectors.results(assessment=assessment),
            "agreed": [(row, agreed.get(row.key)) for row in ROWS] if agreed else [],
            "profile": selectors.profile(assessment=assessment) if agreed else None,
            "steps": [step_label(s) for s in STEPS],
            "may_close": user.has_perm("paradigm.close", assessment),
            "may_agree": user.has_perm("paradigm.agree", assessment),
        },
    )


def agree(request, pk: int):
    access.require_perm(request, "paradigm.use")
    assessment = access.get_or_404(
        request,
        Assessment.objects.select_related("department"),
        pk=pk,
        view="paradigm.view",
        perm="paradigm.agree",
    )
    agreed = selectors.agreements(assessment=assessment)
    initial = {}
    for key, agreement in agreed.items():
        initial[f"step_{key}"] = str(agreement.step)
        initial[f"reason_{key}"] = agreement.reason
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_record(
                assessment=assessment, actor=request.user, agreed=form.agreed()
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("De fælles placeringer er gemt."))
            return redirect(assessment.get_absolute_url())
    return render(
        request,
        "paradigm/agree.html",
        {
            "assessment": assessment,
            "form": form,
            "results": selectors.results(assessment=assessment),
        },
    )


@require_POST
def close(request, pk: int):
    access.require_perm(request, "paradigm.use")
    assessment = access.get_or_404(
        request, Assessment, pk=pk, view="paradigm.view", perm="paradigm.close"
    )
    try:
        if request.POST.get("reopen"):
            services.assessment_reopen(assessment=assessment, actor=request.user)
            messages.success(request, _("Runden er åbnet igen."))
        else:
            services.assessment_close(assessment=assessment, actor=request.user)
            messages.success(request, _("Runden er lukket."))
    except ValidationError as error:
        access.error_messages(request, error)
    return redirect(assessment.get_absolute_url())


def compare(request):
    access.require_perm(request, "paradigm.use")
    return render(
        request,
        "paradigm/compare.html",
        {
            "comparison": selectors.comparison(municipality=request.municipality),
            "index_url": tenant_reverse("paradigm:index", request.municipality),
        },
    )
