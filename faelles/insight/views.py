"""The insight dashboards (docs/insight.md): public, internal for staff and
politicians, "the people who are not there", the population import, the
council's PDF report and one's own birth year for the statistics."""

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from faelles.core import access, pdf

from . import charts, selectors, services
from .cube import ALL
from .forms import BirthYearForm, FilterForm, PopulationForm
from .models import BirthYear, PopulationImport
from .population import PopulationError
from .report import PDF_PREFIX, report_html
from .tasks import build_insight_pdf

# The rendered figures are kept at most this long; a refresh makes a new key.
CACHE_SECONDS = 60 * 60


def _chart_rows(series_list, labels: dict) -> dict:
    """A line chart along ``labels`` (periods) and the table of the same numbers."""
    columns = list(labels.values())
    data = [(str(s.source.label), [p[2] for p in s.points]) for s in series_list]
    ticks = [selectors.period_short(p) for p in labels]
    return {"chart": charts.lines(ticks, data), "columns": columns, "rows": data}


def _movement(board) -> dict | None:
    """The movement between rungs: a line chart of the categories over the
    changes of quarter with its table, the chosen quarter's, an area's or age
    band's over the window (bars and table), and the transition table."""
    view = board.movement
    if view is None:
        return None
    out: dict = {"view": view}
    if view.changes:
        out["lines"] = {
            "chart": charts.lines(
                [selectors.period_short(p) for p, _label in view.changes],
                view.series,
            ),
            "columns": [label for _p, label in view.changes],
            "rows": view.series,
        }
    if view.window:
        out["bars"] = charts.bars(view.window)
    if view.matrix:
        out["matrix"] = [
            (full, row)
            for (_level, _short, full), row in zip(
                view.states, view.matrix, strict=True
            )
        ]
    return out


def _score(value: float | None) -> str | None:
    """A score as the pulse shows it: whole points, rounded half up."""
    return None if value is None else str(int(value + 0.5))


def _trends(request, *, internal: bool) -> list[dict]:
    """The series other apps publish themselves (the pulse), for the internal
    dashboard and the people each app shows its series to."""
    if not internal:
        return []
    out = []
    for view in selectors.trends(municipality=request.municipality, user=request.user):
        trend, points = view.trend, view.points
        series = [
            (str(column), [p.values[n] if p.values else None for p in points])
            for n, column in enumerate(trend.columns)
        ]
        out.append(
            {
                "trend": trend,
                "points": points,
                "chart": charts.lines(
                    [f"{p.day:%m.%Y}" for p in points], series, top=trend.scale[1]
                )
                if points
                else None,
                "columns": [p.label for p in points],
                "rows": [
                    (str(trend.count_label), [p.count for p in points]),
                    *((label, [_score(v) for v in values]) for label, values in series),
                ],
            }
        )
    return out


def _bar_rows(series, chart_id: str) -> dict:
    points = [(label, n) for _key, label, n in series.points]
    return {
        "id": chart_id,
        "chart": charts.bars(points),
        "rows": points,
        "label": series.source.label,
    }


def _shown(board, periods: dict, areas: dict, themes: dict) -> list[str]:
    f = board.filter
    shown = [selectors.period_name(f.period)]
    if f.area:
        shown.append(areas.get(f.area, f.area))
    if f.age:
        shown.append(selectors.age_labels().get(f.age, f.age))
    if f.theme:
        shown.append(themes.get(f.theme, f.theme))
    return shown


def _board_context(request, *, internal: bool, cached: bool = False) -> dict:
    refresh = selectors.refresh_of(request.municipality)
    periods, areas, themes = selectors.labels(refresh)
    form = FilterForm(request.GET or None, periods=periods, areas=areas, themes=themes)
    f = form.insight_filter()
    board = selectors.dashboard(
        municipality=request.municipality, f=f, internal=internal, figures=not cached
    )
    groups = [
        {
            "group": g,
            "bars": charts.bars(
                [
                    (str(fig.source.label), fig.count)
                    for fig in g.figures
                    if fig.answered
                ]
            ),
        }
        for g in board.groups
    ]
    return {
        "form": form,
        "board": board,
        "groups": groups,
        "internal": internal,
        "over_time": _chart_rows(board.over_time, board.period_labels)
        if board.over_time
        else None,
        "by_area": [
            _bar_rows(s, f"chart-area-{n}") for n, s in enumerate(board.by_area)
        ],
        "by_age": [_bar_rows(s, f"chart-age-{n}") for n, s in enumerate(board.by_age)],
        "movement": _movement(board),
        "shown": _shown(board, periods, areas, themes),
        "perms_internal": request.user.has_perm(
            "insight.view_internal", request.municipality
        ),
        "asked": request.GET,
        "combined_note": bool(
            request.GET.get("tema")
            and (request.GET.get("omraade") or request.GET.get("alder"))
        )
        or bool(
            request.GET.get("omraade")
            and request.GET.get("alder")
            and request.GET.get("periode")
        ),
        "period_name": selectors.period_name(board.filter.period),
    }


def _render(request, *, internal: bool):
    """The page; its figures (everything below the filters) are rendered once per
    refresh, filter, language and version, and kept in the cache: they change
    only when the rollups do, and the key holds the refresh's time."""
    refresh = selectors.refresh_of(request.municipality)
    periods, areas, themes = selectors.labels(refresh)
    form = FilterForm(request.GET or None, periods=periods, areas=areas, themes=themes)
    f = form.insight_filter()
    key = "insight:results:" + "|".join(
        [
            str(request.municipality.pk),
            refresh.refreshed_at.isoformat() if refresh else "-",
            "internal" if internal else "public",
            get_language() or "",
            f.period,
            f.area,
            f.age,
            f.theme,
        ]
    )
    cached = cache.get(key)
    context = _board_context(request, internal=internal, cached=cached is not None)
    if cached is None:
        cached = render_to_string(
            "insight/partials/_results.html", context, request=request
        )
        cache.set(key, cached, CACHE_SECONDS)
    filters = cache.get(key + ":filters")
    if filters is None:
        # The form as the figures are shown: a filter the page narrowed shows
        # narrowed (so the selects can be rendered once per filter, too).
        shown = FilterForm(
            initial={
                "periode": f.period,
                "omraade": f.area,
                "alder": f.age,
                "tema": f.theme,
            },
            periods=periods,
            areas=areas,
            themes=themes,
        )
        filters = render_to_string(
            "insight/partials/_filters.html", {"form": shown}, request=request
        )
        cache.set(key + ":filters", filters, CACHE_SECONDS)
    # The series other apps publish themselves, for those the app shows them
    # to: rendered each time (a few points), not kept with the figures.
    context["trends"] = _trends(request, internal=internal)
    # Rendered with autoescaping by the partials; kept as text.
    context["results"] = mark_safe(cached)  # noqa: S308
    context["filters"] = mark_safe(filters)  # noqa: S308
    return render(request, "insight/dashboard.html", context)


def dashboard(request):
    return _render(request, internal=False)


def internal(request):
    """The staff's and politicians' version: every figure, by area and age band
    for each rung — suppressed all the same. A 404 for anyone else."""
    access.hide_unless(request, "insight.view_internal", request.municipality)
    return _render(request, internal=True)


def reach(request):
    """The people who are not there; the table is rendered once per refresh,
    population import and language (kept in the cache like the dashboard's)."""
    refresh = selectors.refresh_of(request.municipality)
    imported = PopulationImport.objects.filter(
        municipality=request.municipality
    ).first()
    key = "insight:reach:" + "|".join(
        [
            str(request.municipality.pk),
            refresh.refreshed_at.isoformat() if refresh else "-",
            imported.imported_at.isoformat() if imported else "-",
            get_language() or "",
        ]
    )
    table = cache.get(key)
    if table is None:
        table = render_to_string(
            "insight/partials/_reach.html",
            selectors.reach(municipality=request.municipality),
            request=request,
        )
        cache.set(key, table, CACHE_SECONDS)
    # Rendered with autoescaping by the partial; kept as text.
    context = {"refresh": refresh, "table": mark_safe(table)}  # noqa: S308
    return render(request, "insight/reach.html", context)


def population(request):
    access.require_perm(request, "insight.import_population")
    form = PopulationForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.population_import(
                municipality=request.municipality,
                user=request.user,
                data=upload.read(),
                filename=upload.name,
            )
        except PopulationError as error:
            errors = error.messages
        else:
            messages.success(
                request,
                _(
                    "Befolkningstallene er indlæst. Tallene på indsigtssiden opdateres om lidt."
                ),
            )
            return redirect(request.path)
    current = PopulationImport.objects.filter(municipality=request.municipality).first()
    return render(
        request,
        "insight/population.html",
        {"form": form, "errors": errors, "current": current},
        status=400 if errors else 200,
    )


def report_pdf(request):
    """The council's report for a period: laid out by a background task."""
    refresh = selectors.refresh_of(request.municipality)
    period = request.GET.get("periode", ALL)
    if period and (refresh is None or period not in refresh.periods):
        raise Http404
    html = report_html(request.municipality, period)
    document = pdf.cached(PDF_PREFIX, html)
    if document is None:
        build_insight_pdf.enqueue(request.municipality.pk, period, get_language())
        document = pdf.cached(PDF_PREFIX, html)  # the immediate backend has made it
    if document is None:
        return render(request, "insight/pdf_pending.html", {}, status=202)
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="indsigt-{request.municipality.slug}-{period or "alle"}.pdf"'
    )
    return response


def birth_year(request):
    access.require_login(request)
    current = BirthYear.objects.filter(user=request.user).first()
    form = BirthYearForm(request.POST or None, instance=current)
    if request.method == "POST":
        if "remove" in request.POST:
            services.birth_year_set(user=request.user, year=None)
            messages.success(request, _("Dit fødselsår er slettet."))
            return redirect(request.path)
        if form.is_valid():
            services.birth_year_set(user=request.user, year=form.cleaned_data["year"])
            messages.success(
                request, _("Tak. Dit fødselsår tælles med fra næste opdatering.")
            )
            return redirect(request.path)
    return render(
        request, "insight/birth_year.html", {"form": form, "current": current}
    )
