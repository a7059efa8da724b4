from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.params import search_words
from faelles.municipalities.tenancy import tenant_reverse

from .forms import AddMemberForm, DepartmentForm, OrganisationForm
from .models import Organisation
from .sections import organisation_sections
from .selectors import (
    as_tree,
    organisation_list,
    organisations_acting_as,
    with_member_counts,
)
from .services import (
    department_delete,
    organisation_create,
    organisation_member_add,
    organisation_member_remove,
    organisation_update,
)


def organisation_list_view(request):
    kind = request.GET.get("kind", "")
    query = search_words(request.GET.get("q"))
    page = Paginator(
        organisation_list(municipality=request.municipality, kind=kind, query=query), 30
    ).get_page(request.GET.get("page"))
    page.object_list = with_member_counts(page.object_list)
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page": page,
            "kind": kind,
            "query": query,
            "kinds": Organisation.Kind.choices,
        },
    )


def organisation_detail(request, slug: str):
    organisation = access.get_or_404(request, Organisation, slug=slug)
    members = organisation.members.select_related("user").order_by(
        "-is_admin", "user__display_name"
    )[:50]
    is_member = request.user.is_authenticated and any(
        m.user_id == request.user.pk for m in members
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "members": members,
            # Everyone sees the contact persons; members see each other.
            "show_all_members": is_member or request.user.is_superuser,
            "member_count": organisation.members.count(),
            "sections": organisation_sections(request, organisation),
            "can_edit": request.user.has_perm(
                "organisations.change_organisation", organisation
            ),
            "can_act_as": request.user.has_perm("organisations.act_as", organisation),
            "acting": request.session.get(f"acting_as:{request.municipality.pk}")
            == organisation.pk,
        },
    )


@login_required
def organisation_create_view(request):
    access.require_perm(request, "organisations.create_organisation")
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        organisation = organisation_create(
            municipality=request.municipality, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Organisationen er oprettet."))
        return redirect(organisation.get_absolute_url())
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "creating": True},
    )


def organisation_edit(request, slug: str):
    organisation = access.get_or_404(
        request, Organisation, slug=slug, perm="organisations.change_organisation"
    )
    form_class = (
        DepartmentForm
        if organisation.kind == Organisation.Kind.DEPARTMENT
        else OrganisationForm
    )
    extra = (
        {"municipality": request.municipality}
        if organisation.kind == Organisation.Kind.DEPARTMENT
        else {}
    )
    form = form_class(
        request.POST or None,
        instance=Organisation.objects.get(pk=organisation.pk),
        **extra,
    )
    member_form = AddMemberForm(municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        organisation_update(
            organisation=organisation, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Ændringerne er gemt."))
        return redirect(organisation.get_absolute_url())
    return render(
        request,
        "organisations/organisation_form.html",
        {
            "form": form,
            "organisation": organisation,
            "member_form": member_form,
            "members": organisation.members.select_related("user"),
        },
    )


@require_POST
def organisation_members(request, slug: str):
    organisation = access.get_or_404(
        request, Organisation, slug=slug, perm="organisations.change_organisation"
    )
    if "remove" in request.POST:
        member = organisation.members.filter(user_id=request.POST.get("remove")).first()
        if member is None:
            messages.error(request, _("Personen er ikke medlem."))
        else:
            try:
                organisation_member_remove(
                    organisation=organisation, actor=request.user, user=member.user
                )
            except ValidationError as exc:
                for error in exc.messages:
                    messages.error(request, error)
            else:
                messages.success(request, _("Personen er fjernet fra organisationen."))
    else:
        form = AddMemberForm(request.POST, municipality=request.municipality)
        if form.is_valid():
            organisation_member_add(
                organisation=organisation,
                actor=request.user,
                user=form.user,
                is_admin=form.cleaned_data["is_admin"],
            )
            messages.success(request, _("Personen er tilføjet."))
        else:
            access.form_error_messages(request, form, field="email")
    return redirect(
        tenant_reverse(
            "organisations:edit", request.municipality, slug=organisation.slug
        )
    )


@login_required
@require_POST
def act_as(request, slug: str):
    """Start or stop acting on behalf of an organisation in this municipality."""
    organisation = access.get_or_404(request, Organisation, slug=slug)
    key = f"acting_as:{request.municipality.pk}"
    request.__dict__.pop("_acting_organisation", None)
    if request.session.get(key) == organisation.pk:
        del request.session[key]
        messages.info(request, _("Du handler nu som dig selv."))
    elif (
        organisations_acting_as(request.user, request.municipality)
        .filter(pk=organisation.pk)
        .exists()
    ):
        request.session[key] = organisation.pk
        messages.info(
            request,
            _("Du handler nu på vegne af %(org)s.") % {"org": organisation.name},
        )
    else:
        raise PermissionDenied
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = organisation.get_absolute_url()
    return redirect(next_url)


def manage_departments(request):
    access.require_perm(request, "organisations.manage_departments")
    form = DepartmentForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        organisation_create(
            municipality=request.municipality,
            actor=request.user,
            kind=Organisation.Kind.DEPARTMENT,
            **form.cleaned_data,
        )
        messages.success(request, _("Afdelingen er oprettet."))
        return redirect(
            tenant_reverse("municipalities:manage_departments", request.municipality)
        )
    departments = as_tree(
        Organisation.objects.for_municipality(request.municipality)
        .departments()
        .select_related("parent")
        .annotate(employee_count=Count("employees"))
    )
    return render(
        request,
        "organisations/manage_departments.html",
        {"form": form, "departments": departments},
    )


def department_delete_view(request, slug: str):
    """Confirm (GET) and delete (POST) a department."""
    department = access.get_or_404(
        request, Organisation.objects.departments(), slug=slug
    )
    access.require_perm(request, "organisations.manage_departments")
    error = None
    if request.method == "POST":
        try:
            department_delete(department=department, actor=request.user)
        except ValidationError as exc:
            error = exc.messages[0]
        else:
            messages.success(
                request,
                _("Afdelingen %(name)s er slettet.") % {"name": department.name},
            )
            return redirect(
                tenant_reverse(
                    "municipalities:manage_departments", request.municipality
                )
            )
    return render(
        request,
        "organisations/department_delete.html",
        {
            "department": department,
            "employee_count": department.employees.count(),
            "error": error,
        },
    )
