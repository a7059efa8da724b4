from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.accounts.forms import MembershipRolesForm
from faelles.accounts.models import Membership
from faelles.accounts.selectors import member_count, member_list
from faelles.accounts.services import membership_join, membership_set_roles
from faelles.core import access
from faelles.core.audit import log_rows, unshown_actions
from faelles.core.models import AuditEntry
from faelles.core.pagination import keyset_page
from faelles.core.params import search_words
from faelles.organisations.models import Organisation

from .forms import MunicipalitySettingsForm, PrincipleFormSet
from .home import home_sections
from .models import Municipality
from .services import PRINCIPLE_FIELDS, PrincipleChange, municipality_update_settings
from .tenancy import tenant_reverse


def front_page(request):
    municipalities = Municipality.objects.active().order_by("name")
    return render(
        request, "municipalities/front_page.html", {"municipalities": municipalities}
    )


def municipality_home(request):
    municipality = request.municipality
    members = member_count(municipality)
    organisations = (
        Organisation.objects.for_municipality(municipality)
        .civil()
        .order_by("-created_at", "-id")[:6]
    )
    featured, sections = home_sections(request)
    return render(
        request,
        "municipalities/municipality_home.html",
        {
            "featured_sections": featured,
            "principles": list(municipality.principles.all()),
            "member_count": members,
            "organisations": organisations,
            "sections": sections,
        },
    )


def theme_css(request):
    """The municipality's colours as CSS custom properties (no inline styles under CSP).

    Pages link to it with ``?v=<theme_version>``: that address never changes its
    content, so it is cached for a year; any other address is not cached, so a
    changed colour is never hidden behind a stale copy."""
    m = request.municipality
    css = (
        ":root{"
        f"--faelles-primary:{m.primary_colour};"
        f"--faelles-accent:{m.accent_colour};"
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == m.theme_version:
        patch_cache_control(response, public=True, max_age=31_536_000, immutable=True)
    else:
        patch_cache_control(response, no_cache=True)
    return response


@login_required
@require_POST
def join(request):
    membership_join(user=request.user, municipality=request.municipality)
    messages.success(
        request,
        _("Velkommen i %(programme)s.")
        % {"programme": request.municipality.programme_name_local},
    )
    return redirect(tenant_reverse("municipalities:home", request.municipality))


def manage_settings(request):
    access.require_perm(request, "municipalities.change_settings")
    municipality = request.municipality
    if request.method == "POST":
        form = MunicipalitySettingsForm(
            request.POST, request.FILES, instance=municipality
        )
        principles = PrincipleFormSet(
            request.POST, instance=municipality, prefix="principles"
        )
        if form.is_valid() and principles.is_valid():
            municipality_update_settings(
                municipality=municipality,
                actor=request.user,
                fields={name: form.cleaned_data[name] for name in form.changed_data},
                principles=[
                    PrincipleChange(pk=f.instance.pk, delete=True)
                    if f in principles.deleted_forms
                    else PrincipleChange(
                        pk=f.instance.pk,
                        **{name: f.cleaned_data[name] for name in PRINCIPLE_FIELDS},
                    )
                    for f in principles.forms
                    if f.has_changed() or f in principles.deleted_forms
                ],
            )
            messages.success(request, _("Indstillingerne er gemt."))
            return redirect(
                tenant_reverse("municipalities:manage_settings", municipality)
            )
        # The form instance was modified by validation; reload so the header stays true.
        request.municipality = Municipality.objects.get(pk=municipality.pk)
    else:
        form = MunicipalitySettingsForm(instance=municipality)
        principles = PrincipleFormSet(instance=municipality, prefix="principles")
    return render(
        request,
        "municipalities/manage_settings.html",
        {"form": form, "principles": principles, "municipality": request.municipality},
    )


def manage_people(request):
    access.require_perm(request, "accounts.manage_roles")
    query = search_words(request.GET.get("q"))
    role = request.GET.get("role", "")
    page = keyset_page(
        member_list(municipality=request.municipality, query=query, role=role),
        after=request.GET.get("efter"),
        per_page=50,
    )
    return render(
        request,
        "municipalities/manage_people.html",
        {"page": page, "query": query, "role": role},
    )


def manage_person(request, membership_id: int):
    access.require_perm(request, "accounts.manage_roles")
    membership = access.get_or_404(
        request, Membership.objects.select_related("user"), pk=membership_id
    )
    form = MembershipRolesForm(
        request.POST or None, instance=membership, municipality=request.municipality
    )
    if request.method == "POST" and form.is_valid():
        try:
            membership_set_roles(
                membership=Membership.objects.get(pk=membership.pk),
                actor=request.user,
                **{name: form.cleaned_data[name] for name in form.fields},
            )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            messages.success(
                request, _("Rollerne for %(name)s er gemt.") % {"name": membership.user}
            )
            return redirect(
                tenant_reverse("municipalities:manage_people", request.municipality)
            )
    return render(
        request,
        "municipalities/manage_person.html",
        {"form": form, "membership": membership},
    )


def manage_audit(request):
    access.require_perm(request, "municipalities.view_audit_log")
    entries = (
        AuditEntry.objects.filter(municipality=request.municipality)
        .exclude(action__in=unshown_actions())
        .select_related("actor")
    )
    page = keyset_page(entries, after=request.GET.get("efter"), per_page=50)
    rows = log_rows(page.items, viewer=request.user, municipality=request.municipality)
    return render(
        request, "municipalities/manage_audit.html", {"page": page, "rows": rows}
    )
