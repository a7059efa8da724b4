from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from faelles.core.pagination import keyset_page

from .models import Notification
from .services import notification_mark_read


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
