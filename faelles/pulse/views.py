"""The pulse's pages: the overview, answering a round, the results (comparison
between units and the trend), the MED committee's export, the administrators'
rounds, and "sig fra"."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import results as R
from . import selectors, services
from .chart import trend_chart
from .forms import (
    AnswerForm,
    ConcernAnswerForm,
    ConcernForm,
    ConcernHideForm,
    RoundForm,
)
from .instrument import SCALES
from .models import Concern, ConcernStatus, Round


def _url(request, name: str, **kwargs) -> str:
    return tenant_reverse(name, request.municipality, **kwargs)


def index(request):
    access.require_perm(request, "pulse.use")
    municipality, user = request.municipality, request.user
    today = timezone.localdate()
    open_rounds = list(selectors.open_rounds(municipality=municipality, today=today))
    waiting = set(
        selectors.rounds_waiting_for(
            user=user, municipality=municipality, today=today
        ).values_list("pk", flat=True)
    )
    latest = selectors.closed_rounds(municipality=municipality, today=today).last()
    if latest is not None:
        latest = services.round_results(round_=latest, today=today)
    scope = selectors.scope_for(user=user, municipality=municipality)
    summary = None
    if latest is not None:
        table = selectors.result_table(
            municipality=municipality, round_=latest, scope=scope
        )
        own_key = R.sub(scope.own) if scope.own else None
        summary = {
            "round": latest,
            "rows": [r for r in table.rows if r.key in (R.ALL, own_key)],
        }
    manage = user.has_perm("pulse.manage", municipality)
    return render(
        request,
        "pulse/index.html",
        {
            "open_rounds": [(r, r.pk in waiting) for r in open_rounds],
            "may_answer": user.has_perm("pulse.answer", municipality),
            "summary": summary,
            "scales": SCALES,
            "may_manage": manage,
            "all_rounds": [
                (r, not r.is_closed(today))
                for r in selectors.rounds(municipality=municipality)[:50]
            ]
            if manage
            else [],
            "today": today,
        },
    )


def round_create(request):
    access.require_perm(request, "pulse.manage")
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Pulsmålingen %(title)s er oprettet. Medarbejderne får besked.")
                % {"title": round_.title},
            )
            return redirect(_url(request, "pulse:index"))
    return render(request, "pulse/round_form.html", {"form": form})


@require_POST
def round_close(request, pk: int):
    access.require_perm(request, "pulse.manage")
    round_ = access.get_or_404(request, Round, pk=pk, perm="pulse.manage")
    access.act(
        request,
        lambda: services.round_close(round_=round_, actor=request.user),
        done=_("Pulsmålingen er lukket, og resultaterne er klar."),
    )
    return redirect(_url(request, "pulse:index"))


@never_cache
def answer(request, pk: int):
    access.require_login(request)
    round_ = access.get_or_404(request, Round, pk=pk, view="pulse.use")
    today = timezone.localdate()
    if round_.is_closed(today):
        return redirect(_url(request, "pulse:results") + f"?runde={round_.pk}")
    answered = selectors.has_answered(user=request.user, round_=round_)
    may_answer = request.user.has_perm("pulse.answer", request.municipality)
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        access.require_perm(request, "pulse.answer")
        if form.is_valid():
            try:
                services.response_submit(
                    round_=round_, user=request.user, answers=form.answers()
                )
            except ValidationError as error:
                access.form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Tak for dit svar. Det er gemt uden dit navn."),
                )
                return redirect(_url(request, "pulse:answer", pk=round_.pk))
    return render(
        request,
        "pulse/answer.html",
        {
            "round": round_,
            "form": form,
            "answered": answered,
            "may_answer": may_answer,
            "is_open": round_.is_open(today),
        },
    )


def _round_choice(request, closed: list[Round]) -> Round | None:
    wanted = request.GET.get("runde", "")
    if wanted:
        for r in closed:
            if str(r.pk) == wanted:
                return r
        raise Http404
    return closed[-1] if closed else None


def results(request):
    """The trend of one cell and one round's table. The rounds are loaded
    without their stored results: only the chosen round's are read whole, the
    trend's cell of each round is read by the database (``trend_in_database``).
    """
    access.require_perm(request, "pulse.use")
    municipality, user = request.municipality, request.user
    today = timezone.localdate()
    closed = list(
        selectors.closed_rounds_without_results(municipality=municipality, today=today)
    )
    for round_ in closed:
        if not round_.has_results:
            services.round_results(round_=round_, today=today)
    chosen = _round_choice(request, closed)
    scope = selectors.scope_for(user=user, municipality=municipality)
    context: dict = {"rounds": closed, "chosen": chosen, "scales": SCALES}
    if chosen is None:
        return render(request, "pulse/results.html", context)
    tree = {int(k) for k in (chosen.results or {}).get("tree", {})}
    unit = request.GET.get("enhed", "")
    if unit:
        if not unit.isdigit() or not scope.allows(int(unit)):
            raise Http404
        if int(unit) not in tree and not selectors.in_some_tree(
            rounds_=closed, department_id=int(unit)
        ):
            raise Http404
    names = selectors.department_names(
        municipality=municipality, ids=tree | ({int(unit)} if unit else set())
    )
    table = selectors.result_table(
        municipality=municipality, round_=chosen, scope=scope, names=names
    )
    units = [
        (row.department_id, row.label)
        for row in table.rows
        if row.department_id and not row.own_staff
    ]
    key, unit_label = R.ALL, _("Hele kommunen")
    if unit:
        if int(unit) not in names:
            raise Http404
        key, unit_label = R.sub(int(unit)), names[int(unit)]
    points = selectors.trend_in_database(rounds_=closed, key=key)
    context.update(
        {
            "table": table,
            "units": units,
            "unit": unit,
            "unit_label": unit_label,
            "points": points,
            "chart": trend_chart(
                [p.round.title for p in points], [p.scores for p in points]
            ),
            "may_export": user.has_perm("pulse.export", municipality),
        }
    )
    return render(request, "pulse/results.html", context)


def _cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


def export(request, pk: int):
    """The round's published results for the MED committee, as CSV: the same
    cells and the same suppression as the page."""
    access.require_perm(request, "pulse.export")
    round_ = access.get_or_404(request, Round, pk=pk, view="pulse.use")
    today = timezone.localdate()
    if not round_.is_closed(today):
        raise Http404
    round_ = services.round_results(round_=round_, today=today)
    scope = selectors.scope_for(user=request.user, municipality=request.municipality)
    table = selectors.result_table(
        municipality=request.municipality, round_=round_, scope=scope
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="pulsmaaling-{round_.pk}.csv"'
    )
    response.write("\ufeff")  # so spreadsheet programs read it as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Enhed"), _("Niveau"), _("Svar"), *(_(s.label) for s in SCALES)])
    for row in table.rows:
        writer.writerow(
            [
                _cell(row.label),
                row.depth,
                "" if row.n is None else row.n,
                *(
                    "" if v is None else f"{v:.1f}".replace(".", ",")
                    for v in row.scores
                ),
            ]
        )
    writer.writerow([])
    writer.writerow(
        [
            _(
                "Tomme felter: færre end 5 svar, eller skjult så en lille gruppe "
                "ikke kan regnes ud af de andre tal."
            )
        ]
    )
    return response


# --- "sig fra" -------------------------------------------------------------------


def concerns(request):
    access.require_perm(request, "pulse.use")
    municipality, user = request.municipality, request.user
    return render(
        request,
        "pulse/concerns.html",
        {
            "answered": selectors.answered_concerns(municipality=municipality)[:100],
            "to_answer": selectors.concerns_to_answer(
                user=user, municipality=municipality
            )[:100],
            "hidden": selectors.hidden_concerns(user=user, municipality=municipality)[
                :100
            ],
            "may_raise": user.has_perm("pulse.raise_concern", municipality),
        },
    )


@never_cache
def concern_create(request):
    access.require_perm(request, "pulse.raise_concern")
    municipality = request.municipality
    form = ConcernForm(
        request.POST or None,
        departments=services.concern_departments(municipality=municipality),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.concern_raise(
                municipality=municipality, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Din henvendelse er sendt til ledelsen uden dit navn. Svaret "
                    "kommer her under Sig fra."
                ),
            )
            return redirect(_url(request, "pulse:concerns"))
    return render(request, "pulse/concern_form.html", {"form": form})


def _concern(request, pk, perm: str | None = None) -> Concern:
    access.require_login(request)
    return access.get_or_404(
        request,
        Concern.objects.select_related("department"),
        pk=pk,
        view="pulse.view_concern",
        perm=perm,
    )


def concern_detail(request, pk):
    concern = _concern(request, pk)
    may_respond = request.user.has_perm("pulse.respond_concern", concern)
    return render(
        request,
        "pulse/concern_detail.html",
        {
            "concern": concern,
            "may_respond": may_respond,
            "answer_form": ConcernAnswerForm(initial={"answer": concern.answer}),
            "hide_form": ConcernHideForm(),
            "hidden": concern.status == ConcernStatus.HIDDEN,
        },
    )


@require_POST
def concern_answer(request, pk):
    concern = _concern(request, pk, perm="pulse.respond_concern")
    form = ConcernAnswerForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.concern_answer(
                concern=concern, actor=request.user, **form.cleaned_data
            ),
            done=_("Svaret er offentliggjort."),
        )
    else:
        access.form_error_messages(request, form)
    return redirect(concern.get_absolute_url())


@require_POST
def concern_hide(request, pk):
    concern = _concern(request, pk, perm="pulse.respond_concern")
    form = ConcernHideForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.concern_hide(
                concern=concern,
                actor=request.user,
                reason=form.cleaned_data["hidden_reason"],
            ),
            done=_("Henvendelsen er skjult."),
        )
    else:
        access.form_error_messages(request, form)
    return redirect(concern.get_absolute_url())
