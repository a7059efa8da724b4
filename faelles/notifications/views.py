from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core.pagination import keyset_page

from .forms import PreferenceForm
from .models import Notification
from .services import notification_mark_read, preference_for, preference_update


@login_required
def notification_list(request):
    page = keyset_page(
        Notification.objects.filter(recipient=request.user).select_related(
            "municipality"
        ),
        after=request.GET.get("efter"),
        per_page=30,
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request):
    notification_mark_read(user=request.user)
    return redirect("notifications:list")


@login_required
def preferences(request):
    preference = preference_for(request.user)
    form = PreferenceForm(request.POST or None, preference=preference)
    if request.method == "POST" and form.is_valid():
        preference_update(
            user=request.user,
            email_frequency=form.cleaned_data["email_frequency"],
            kind_frequencies=form.kind_frequencies(),
        )
        messages.success(request, _("Dine valg for beskeder er gemt."))
        return redirect("notifications:preferences")
    return render(
        request, "notifications/notification_preferences.html", {"form": form}
    )
