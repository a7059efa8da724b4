"""The language check's pages: the check itself (staff), the municipality's own
entries and the department statistics (administrators)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import CheckForm, OwnEntryForm
from .models import OwnEntry


def _page(request, template: str, context: dict):
    """Render with the tabs the person may follow."""
    user, municipality = request.user, request.municipality
    context["perms_entries"] = user.has_perm("sprogtjek.manage_entries", municipality)
    context["perms_statistics"] = user.has_perm(
        "sprogtjek.view_statistics", municipality
    )
    return render(request, template, context)


@never_cache  # the response holds the checked text: no cache may keep it
def check(request):
    access.require_perm(request, "sprogtjek.check")
    form = CheckForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["checked_text"]
        membership = request.membership
        result = services.text_check(
            municipality=request.municipality,
            department=membership.department
            if membership is not None and membership.is_employee
            else None,
            text=text,
            lang="en" if (get_language() or "da").startswith("en") else "da",
        )
        findings = list(result.findings)
        context.update(
            result=result,
            findings=findings,
            segments=selectors.marked(text, findings),
            from_file=bool(form.cleaned_data.get("file")),
            count_10=sum(1 for f in findings if f.paradigm == "1.0"),
            count_20=sum(1 for f in findings if f.paradigm == "2.0"),
        )
        if context["from_file"]:  # the file's text is shown below, not in the box
            form = CheckForm()
            context["form"] = form
    return _page(request, "sprogtjek/check.html", context)


def entries(request):
    access.require_perm(request, "sprogtjek.manage_entries")
    form = OwnEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request, _("“%(term)s” er tilføjet.") % {"term": entry.term}
            )
            return redirect(tenant_reverse("sprogtjek:entries", request.municipality))
    return _page(
        request,
        "sprogtjek/entries.html",
        {
            "form": form,
            "entries": selectors.own_entries(municipality=request.municipality),
        },
    )


def entry_edit(request, pk: int):
    access.require_perm(request, "sprogtjek.manage_entries")
    entry = access.get_or_404(request, OwnEntry, pk=pk)
    form = OwnEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(entry=entry, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("“%(term)s” er gemt.") % {"term": entry.term})
            return redirect(tenant_reverse("sprogtjek:entries", request.municipality))
    return _page(request, "sprogtjek/entry_edit.html", {"form": form, "entry": entry})


def entry_delete(request, pk: int):
    access.require_perm(request, "sprogtjek.manage_entries")
    entry = access.get_or_404(request, OwnEntry, pk=pk)
    if request.method == "POST":
        term = entry.term
        services.entry_delete(entry=entry, actor=request.user)
        messages.success(request, _("“%(term)s” er fjernet.") % {"term": term})
        return redirect(tenant_reverse("sprogtjek:entries", request.municipality))
    return _page(request, "sprogtjek/entry_delete.html", {"entry": entry})


def statistics(request):
    access.require_perm(request, "sprogtjek.view_statistics")
    return _page(
        request,
        "sprogtjek/statistics.html",
        {"stats": selectors.statistics(municipality=request.municipality)},
    )
