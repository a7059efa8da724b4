"""Administration of the municipality's own strategy: themes and focus areas."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access

from . import services
from .forms import (
    FocusAreaCreateForm,
    FocusAreaEditForm,
    ThemeCreateForm,
    ThemeEditForm,
)
from .models import FocusArea, Theme
from .tenancy import tenant_reverse

PERM = "municipalities.manage_themes"


def _changed(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.changed_data}


def manage_themes(request):
    """The themes in order, with their focus areas; a form for a new theme."""
    access.require_perm(request, PERM)
    municipality = request.municipality
    form = ThemeCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = services.theme_create(
                municipality=municipality, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            messages.success(
                request, _("Temaet “%(name)s” er oprettet.") % {"name": theme.name}
            )
            return redirect(
                tenant_reverse("municipalities:manage_themes", municipality)
            )
    themes = Theme.objects.filter(municipality=municipality).prefetch_related(
        Prefetch("focus_areas", queryset=FocusArea.objects.order_by("position", "id"))
    )
    return render(
        request,
        "municipalities/manage_themes.html",
        {"form": form, "themes": list(themes.order_by("position", "id"))},
    )


@require_POST
def theme_move(request, pk: int):
    access.require_perm(request, PERM)
    theme = access.get_or_404(request, Theme, pk=pk)
    services.theme_move(
        theme=theme, actor=request.user, up=request.POST.get("direction") == "up"
    )
    return redirect(
        tenant_reverse("municipalities:manage_themes", request.municipality)
        + f"#tema-{theme.pk}"
    )


def theme_edit(request, pk: int):
    """Change a theme; add and list its focus areas; delete it if unused."""
    access.require_perm(request, PERM)
    theme = access.get_or_404(request, Theme, pk=pk)
    form = ThemeEditForm(request.POST or None, instance=Theme.objects.get(pk=theme.pk))
    area_form = FocusAreaCreateForm(prefix="area")
    if request.method == "POST" and form.is_valid():
        try:
            services.theme_update(
                theme=theme, actor=request.user, fields=_changed(form)
            )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            messages.success(request, _("Temaet er gemt."))
            return redirect(
                tenant_reverse("municipalities:manage_themes", request.municipality)
            )
    return _theme_page(request, theme, form, area_form)


def _theme_page(request, theme, form, area_form, status=200):
    return render(
        request,
        "municipalities/theme_edit.html",
        {
            "theme": theme,
            "form": form,
            "area_form": area_form,
            "areas": list(theme.focus_areas.order_by("position", "id")),
            "in_use": services.theme_in_use(theme),
        },
        status=status,
    )


@require_POST
def focus_area_create(request, pk: int):
    access.require_perm(request, PERM)
    theme = access.get_or_404(request, Theme, pk=pk)
    area_form = FocusAreaCreateForm(request.POST, prefix="area")
    if area_form.is_valid():
        try:
            services.focus_area_create(
                theme=theme, actor=request.user, **area_form.cleaned_data
            )
        except ValidationError as exc:
            access.form_errors(area_form, exc)
        else:
            messages.success(request, _("Indsatsområdet er oprettet."))
            return redirect(
                tenant_reverse("municipalities:theme_edit", request.municipality, pk=pk)
            )
    return _theme_page(
        request, theme, ThemeEditForm(instance=theme), area_form, status=400
    )


def focus_area_edit(request, pk: int):
    access.require_perm(request, PERM)
    area = access.get_or_404(request, FocusArea.objects.select_related("theme"), pk=pk)
    form = FocusAreaEditForm(
        request.POST or None, instance=FocusArea.objects.get(pk=area.pk)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.focus_area_update(
                area=area, actor=request.user, fields=_changed(form)
            )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            messages.success(request, _("Indsatsområdet er gemt."))
            return redirect(
                tenant_reverse(
                    "municipalities:theme_edit", request.municipality, pk=area.theme_id
                )
            )
    return render(
        request, "municipalities/focus_area_edit.html", {"area": area, "form": form}
    )


@require_POST
def theme_delete(request, pk: int):
    access.require_perm(request, PERM)
    theme = access.get_or_404(request, Theme, pk=pk)
    try:
        services.theme_delete(theme=theme, actor=request.user)
    except ValidationError as exc:
        access.error_messages(request, exc)
        return redirect(
            tenant_reverse("municipalities:theme_edit", request.municipality, pk=pk)
        )
    messages.success(request, _("Temaet “%(name)s” er slettet.") % {"name": theme.name})
    return redirect(
        tenant_reverse("municipalities:manage_themes", request.municipality)
    )
