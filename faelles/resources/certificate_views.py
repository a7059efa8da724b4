"""Recording that an organisation has seen a person's børneattest."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.pagination import keyset_page
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import CertificateForm
from .models import ChildCertificateVerification
from .rules import verifying_organisations


def _organisations(request, *, next_url: str | None = None):
    access.require_perm(
        request, "resources.verify_child_certificate", next_url=next_url
    )
    return verifying_organisations(request.user, request.municipality)


def certificate_list(request):
    organisations = _organisations(request)
    form = CertificateForm(
        request.POST or None,
        municipality=request.municipality,
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.child_certificate_verify(
                municipality=request.municipality,
                actor=request.user,
                person=form.person,
                organisation=form.cleaned_data["organisation"],
                verified_on=form.cleaned_data["verified_on"],
                valid_until=form.cleaned_data["valid_until"],
            )
        except ValidationError as exc:
            access.form_errors(form, exc)
        else:
            messages.success(request, _("Kontrollen af børneattesten er skrevet ned."))
            return redirect(
                tenant_reverse("resources:certificates", request.municipality)
            )
    page = keyset_page(
        selectors.certificates_recorded(
            municipality=request.municipality, organisations=organisations
        ),
        after=request.GET.get("efter"),
        per_page=30,
    )
    return render(
        request,
        "resources/certificate_list.html",
        {"form": form, "page": page, "today": timezone.localdate()},
    )


@require_POST
def certificate_revoke(request, pk: int):
    organisations = _organisations(
        request, next_url=tenant_reverse("resources:certificates", request.municipality)
    )
    verification = access.get_or_404(
        request,
        ChildCertificateVerification.objects.filter(organisation__in=organisations),
        pk=pk,
    )
    services.child_certificate_revoke(verification=verification, actor=request.user)
    messages.success(request, _("Kontrollen er slettet."))
    return redirect(tenant_reverse("resources:certificates", request.municipality))
