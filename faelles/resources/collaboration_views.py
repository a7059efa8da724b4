"""Pages for a collaboration (forløb): thread, status, hours and feedback."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import services
from .forms import FeedbackForm, HoursForm, MessageForm, StatusForm
from .models import Collaboration

# A collaboration is private to its two sides and the facilitator. To anyone else
# it does not exist: 404, as for another municipality's, so a guessed id does not
# even reveal that two people are working together.
COLLABORATIONS = Collaboration.objects.select_related(
    "need", "offer", "need_owner", "offer_owner", "facilitator"
)


def collaboration_detail(request, pk: int):
    access.require_login(request)
    collaboration = access.get_or_404(
        request, COLLABORATIONS, pk=pk, view="resources.view_collaboration"
    )
    is_side = request.user.pk in (
        collaboration.need_owner_id,
        collaboration.offer_owner_id,
    )
    feedback = list(collaboration.feedback.select_related("author"))
    hours = list(collaboration.hours.select_related("person")[:50])
    finished = collaboration.status == Collaboration.Status.FINISHED
    return render(
        request,
        "resources/collaboration_detail.html",
        {
            "collaboration": collaboration,
            "messages_list": list(
                collaboration.messages.select_related("author").order_by(
                    "created_at", "id"
                )[:200]
            ),
            "hours": hours,
            "hours_total": sum(h.hours for h in hours),
            "feedback": feedback,
            "message_form": MessageForm(),
            "status_form": StatusForm(initial={"status": collaboration.status}),
            "hours_form": HoursForm(initial={"on": timezone.localdate()}),
            "can_write_story": request.user.has_perm(
                "initiatives.write_story", collaboration
            ),
            "feedback_form": FeedbackForm()
            if is_side
            and finished
            and not any(f.author_id == request.user.pk for f in feedback)
            else None,
        },
    )


def _collaboration_form(request, pk, form_class, action, success):
    access.require_login(
        request,
        next_url=tenant_reverse("resources:collaboration", request.municipality, pk=pk),
    )
    collaboration = access.get_or_404(
        request, COLLABORATIONS, pk=pk, view="resources.view_collaboration"
    )
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(
            request, " ".join(str(e) for errs in form.errors.values() for e in errs)
        )
    else:
        try:
            action(collaboration, form.cleaned_data)
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, success)
    return redirect(collaboration.get_absolute_url())


@require_POST
def collaboration_message(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        MessageForm,
        lambda c, d: services.collaboration_message_post(
            collaboration=c, actor=request.user, body=d["body"]
        ),
        _("Beskeden er sendt."),
    )


@require_POST
def collaboration_status(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        StatusForm,
        lambda c, d: services.collaboration_set_status(
            collaboration=c, actor=request.user, status=d["status"]
        ),
        _("Status er opdateret."),
    )


@require_POST
def collaboration_hours(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        HoursForm,
        lambda c, d: services.collaboration_log_hours(
            collaboration=c, actor=request.user, hours=d["hours"], on=d["on"]
        ),
        _("Timerne er skrevet ned."),
    )


@require_POST
def collaboration_feedback(request, pk: int):
    return _collaboration_form(
        request,
        pk,
        FeedbackForm,
        lambda c, d: services.collaboration_feedback_give(
            collaboration=c, actor=request.user, text=d["text"]
        ),
        _("Tak for din tilbagemelding."),
    )
