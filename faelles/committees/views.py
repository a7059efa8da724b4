import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.accounts.models import Membership, User
from faelles.core import access
from faelles.core.files import document_response
from faelles.core.visibility import visible_rows
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import theme_key, theme_options

from . import selectors, services
from .forms import (
    ActionForm,
    ActionUpdateForm,
    ApplicationForm,
    CommitteeForm,
    DecisionForm,
    DocumentForm,
    DrawForm,
    MeetingForm,
    MemberForm,
    MilestoneForm,
    MinutesForm,
    PhaseForm,
    RecommendationForm,
    SelectForm,
)
from .models import (
    CommitteeMember,
    Draw,
    DrawStatus,
    FollowUpAction,
    Meeting,
    MeetingDocument,
    Milestone,
    Recommendation,
    SelectionMethod,
    Stratum,
    TaskCommittee,
)
from .phases import COMMITTEE_PHASES

VIEW = "committees.view_committee"


def _form_page(request, form, *, title, back, multipart=False, intro=""):
    return render(
        request,
        "committees/form.html",
        {
            "form": form,
            "title": title,
            "back": back,
            "multipart": multipart,
            "intro": intro,
        },
    )


# --- registries -------------------------------------------------------------------


def home_context(request):
    return {
        "calls": selectors.open_calls(municipality=request.municipality),
    }


def person_context(request, person):
    committees = selectors.politician_committees(
        municipality=request.municipality, user=person
    )
    if not committees:
        return None
    membership = Membership.objects.filter(
        municipality=request.municipality, user=person
    ).first()
    return {
        "committees": committees,
        "person": person,
        "is_politician": bool(membership and membership.is_politician),
    }


# --- committees -------------------------------------------------------------------


def committee_list(request):
    theme = theme_key(request.GET.get("theme"))
    return render(
        request,
        "committees/committee_list.html",
        {
            "committees": selectors.committee_list(
                municipality=request.municipality, viewer=request.user, theme=theme
            ),
            "theme": theme,
            "themes": theme_options(request.municipality),
            "can_create": request.user.has_perm(
                "committees.create_committee", request.municipality
            ),
        },
    )


def committee_create(request):
    access.require_perm(request, "committees.create_committee")
    form = CommitteeForm(
        request.POST if request.method == "POST" else None,
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            committee = services.committee_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Opgaveudvalget er oprettet."))
            return redirect(committee.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Opret et opgaveudvalg"),
        back=tenant_reverse("committees:list", request.municipality.pk),
    )


def committee_detail(request, pk: int):
    committee = access.get_or_404(
        request,
        TaskCommittee.objects.select_related("theme", "focus_area"),
        pk=pk,
        view=VIEW,
    )
    user = request.user
    recommendations = selectors.committee_recommendations(
        committee=committee, user=user
    )
    reached = COMMITTEE_PHASES.index(committee.phase)
    can_manage = user.has_perm("committees.set_phase", committee)
    application = (
        committee.applications.filter(user=user).first()
        if user.is_authenticated
        else None
    )
    draw = selectors.finished_draw(committee)
    return render(
        request,
        "committees/committee_detail.html",
        {
            "committee": committee,
            "phases": [(p, i <= reached) for i, p in enumerate(COMMITTEE_PHASES)],
            "members": selectors.committee_members(committee=committee),
            "meetings": selectors.committee_meetings(committee=committee),
            # Hearings and debates asking for the public's input (dialogue names
            # the committee by string; committees imports nothing of dialogue).
            "hearings": list(committee.hearings.announced().order_by("opens_at", "pk")),
            "recommendations": recommendations,
            "decisions": selectors.decision_counts(recommendations),
            "follow_up": selectors.follow_up_summary(committee=committee),
            "draw": draw,
            "application": application,
            "ticket": draw.ticket_of(application.pk) if draw and application else None,
            "can_apply": user.has_perm("committees.apply", committee)
            and application is None,
            "can_manage": can_manage,
            "can_edit": user.has_perm("committees.change_committee", committee),
            "can_meet": user.has_perm("committees.manage_meetings", committee),
            "can_recommend": user.has_perm("committees.recommend", committee),
            "can_decide": user.has_perm("committees.decide", committee),
            "can_select": user.has_perm("committees.view_applications", committee),
            "next_phase": COMMITTEE_PHASES.next(committee) if can_manage else None,
            "today": timezone.localdate(),
        },
    )


def committee_edit(request, pk: int):
    committee = access.get_or_404(
        request, TaskCommittee, pk=pk, view=VIEW, perm="committees.change_committee"
    )
    form = CommitteeForm(
        request.POST if request.method == "POST" else None,
        instance=TaskCommittee.objects.get(pk=committee.pk),
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.committee_update(
                committee=committee, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(committee.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Rediger %(title)s") % {"title": committee.title},
        back=committee.get_absolute_url(),
    )


@require_POST
def committee_phase(request, pk: int):
    committee = access.get_or_404(
        request, TaskCommittee, pk=pk, view=VIEW, perm="committees.set_phase"
    )
    form = PhaseForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.committee_set_phase(
                committee=committee,
                actor=request.user,
                phase=form.cleaned_data["phase"],
            ),
            done=_("Udvalget er gået videre til næste fase."),
        )
    return redirect(committee.get_absolute_url())


# --- the call, applications and selection -------------------------------------------


def apply(request, pk: int):
    committee = access.get_or_404(
        request, TaskCommittee, pk=pk, view=VIEW, perm="committees.apply"
    )
    form = ApplicationForm(
        request.POST if request.method == "POST" else None,
        committee=committee,
        user=request.user,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.application_submit(
                committee=committee,
                user=request.user,
                motivation=data["motivation"],
                applies_as=data["applies_as"],
                organisation=data.get("organisation"),
                age_band=data.get("age_band", ""),
                gender=data.get("gender", ""),
                area=data.get("area", ""),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Tak for din ansøgning. Du får besked, når udvælgelsen er sket."),
            )
            return redirect(committee.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Søg om en plads i %(title)s") % {"title": committee.title},
        back=committee.get_absolute_url(),
        intro=" ".join(filter(None, [str(form.strata_note), str(form.public_note)])),
    )


@require_POST
def application_withdraw(request, pk: int):
    committee = access.get_or_404(request, TaskCommittee, pk=pk, view=VIEW)
    access.require_login(request)
    application = committee.applications.filter(user=request.user).first()
    if application is None:
        raise Http404
    access.act(
        request,
        lambda: services.application_withdraw(
            application=application, user=request.user
        ),
        done=_("Din ansøgning er trukket tilbage."),
    )
    return redirect(committee.get_absolute_url())


def selection(request, pk: int):
    """The managers' page: applicants, members, selection by council or lot."""
    committee = access.get_or_404(
        request,
        TaskCommittee,
        pk=pk,
        view=VIEW,
        perm="committees.view_applications",
    )
    can_select = request.user.has_perm("committees.select", committee)
    select_form = SelectForm(committee=committee)
    draw_form = DrawForm()
    member_form = MemberForm(municipality=request.municipality)
    if request.method == "POST" and can_select and "seed" in request.POST:
        draw_form = DrawForm(request.POST)
        if draw_form.is_valid():
            try:
                job = services.draw_start(
                    committee=committee,
                    actor=request.user,
                    seed=draw_form.cleaned_data["seed"],
                )
            except ValidationError as error:
                access.form_errors(draw_form, error)
            else:
                messages.success(request, _("Lodtrækningen er sat i gang."))
                return redirect(job.get_absolute_url())
    elif request.method == "POST" and can_select and "applications" in request.POST:
        select_form = SelectForm(request.POST, committee=committee)
        if select_form.is_valid():
            try:
                services.applications_select(
                    committee=committee,
                    actor=request.user,
                    application_ids=[
                        a.pk for a in select_form.cleaned_data["applications"]
                    ],
                )
            except ValidationError as error:
                access.form_errors(select_form, error)
            else:
                messages.success(request, _("Medlemmerne er udpeget."))
                return redirect(
                    tenant_reverse(
                        "committees:selection", request.municipality.pk, pk=pk
                    )
                )
    elif request.method == "POST" and "email" in request.POST:
        access.require_perm(request, "committees.manage_members", committee)
        member_form = MemberForm(request.POST, municipality=request.municipality)
        if member_form.is_valid():
            try:
                services.member_add(
                    committee=committee,
                    actor=request.user,
                    user=member_form.user,
                    role=member_form.cleaned_data["role"],
                )
            except ValidationError as error:
                access.form_errors(member_form, error)
            else:
                messages.success(request, _("Medlemmet er sat ind i udvalget."))
                return redirect(
                    tenant_reverse(
                        "committees:selection", request.municipality.pk, pk=pk
                    )
                )
    applications = list(committee.applications.select_related("user", "organisation"))
    draws = list(committee.draws.all())
    return render(
        request,
        "committees/selection.html",
        {
            "committee": committee,
            "applications": applications,
            "members": selectors.committee_members(committee=committee),
            "draws": draws,
            "can_select": can_select and committee.call_closed(),
            "by_lot": committee.selection_method == SelectionMethod.LOT,
            "drawn": any(d.status != DrawStatus.FAILED for d in draws),
            "select_form": select_form,
            "draw_form": draw_form,
            "member_form": member_form,
            "strata": [Stratum(s) for s in committee.strata],
        },
    )


@require_POST
def member_remove(request, pk: int):
    member = access.get_or_404(request, CommitteeMember, pk=pk)
    committee = member.committee
    access.hide_unless(request, VIEW, committee)
    access.require_perm(request, "committees.manage_members", committee)
    access.act(
        request,
        lambda: services.member_remove(member=member, actor=request.user),
        done=_("Medlemmet er fjernet fra udvalget."),
    )
    return redirect(
        tenant_reverse("committees:selection", request.municipality.pk, pk=committee.pk)
    )


def draw_detail(request, pk: int):
    """The published draw: seed, quotas, counts of five or more, every lottery
    number's chance. Never an applicant's strata or name."""
    job = access.get_or_404(request, Draw, pk=pk, view=VIEW)
    committee = job.committee
    can_see_pool = request.user.has_perm("committees.view_applications", committee)
    own_ticket = None
    if request.user.is_authenticated:
        own = committee.applications.filter(user=request.user).first()
        own_ticket = job.ticket_of(own.pk) if own else None
    selected = set(job.selected)
    chances = [
        (ticket, 100 * job.probabilities.get(ticket, 0), ticket in selected)
        for ticket in sorted(job.pool)
    ]
    context = {
        "draw": job,
        "committee": committee,
        "quotas": [
            (Stratum(s).label, values) for s, values in sorted(job.quotas.items())
        ],
        "counts": [
            (Stratum(s).label, values)
            for s, values in selectors.pool_counts(job.pool, list(job.quotas)).items()
        ],
        "chances": chances if job.status == DrawStatus.DONE else [],
        "own_ticket": own_ticket,
        "can_see_pool": can_see_pool,
    }
    if request.htmx:
        return render(request, "committees/partials/_draw_status.html", context)
    return render(request, "committees/draw_detail.html", context)


def draw_pool_csv(request, pk: int):
    """The pool as lottery numbers with strata, for ``faelles sortition``."""
    job = access.get_or_404(
        request, Draw, pk=pk, view=VIEW, perm="committees.view_applications"
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pulje-{job.pk}.csv"'
    strata = sorted(job.quotas)
    writer = csv.writer(response)
    writer.writerow(["id", *strata])
    for ticket in sorted(job.pool):
        writer.writerow([ticket, *(job.pool[ticket][s] for s in strata)])
    return response


def draw_quotas_csv(request, pk: int):
    job = access.get_or_404(request, Draw, pk=pk, view=VIEW)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kvoter-{job.pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["feature", "value", "min", "max"])
    for stratum, values in sorted(job.quotas.items()):
        for value, (lo, hi) in sorted(values.items()):
            writer.writerow([stratum, value, lo, hi])
    return response


# --- meetings ---------------------------------------------------------------------


def meeting_create(request, pk: int):
    committee = access.get_or_404(
        request, TaskCommittee, pk=pk, view=VIEW, perm="committees.manage_meetings"
    )
    form = MeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                committee=committee, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Mødet er oprettet."))
            return redirect(meeting.get_absolute_url())
    return _form_page(
        request, form, title=_("Nyt møde"), back=committee.get_absolute_url()
    )


def meeting_detail(request, pk: int):
    meeting = access.get_or_404(request, Meeting, pk=pk, view=VIEW)
    can_meet = request.user.has_perm("committees.manage_meetings", meeting)
    return render(
        request,
        "committees/meeting_detail.html",
        {
            "meeting": meeting,
            "committee": meeting.committee,
            "documents": list(meeting.documents.all()),
            "can_meet": can_meet,
            "document_form": DocumentForm() if can_meet else None,
            "held": meeting.starts_at <= timezone.now(),
        },
    )


def meeting_edit(request, pk: int):
    meeting = access.get_or_404(
        request, Meeting, pk=pk, view=VIEW, perm="committees.manage_meetings"
    )
    form = MeetingForm(
        request.POST if request.method == "POST" else None,
        initial={f: getattr(meeting, f) for f in services.MEETING_FIELDS},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(
                meeting=meeting, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Mødet er gemt."))
            return redirect(meeting.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Rediger %(title)s") % {"title": meeting.title},
        back=meeting.get_absolute_url(),
    )


def minutes(request, pk: int):
    meeting = access.get_or_404(
        request, Meeting, pk=pk, view=VIEW, perm="committees.manage_meetings"
    )
    form = MinutesForm(
        request.POST if request.method == "POST" else None,
        initial={"minutes": meeting.minutes},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_publish(
                meeting=meeting,
                actor=request.user,
                minutes=form.cleaned_data["minutes"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Referatet er offentliggjort."))
            return redirect(meeting.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Referat af %(title)s") % {"title": meeting.title},
        back=meeting.get_absolute_url(),
    )


@require_POST
def document_upload(request, pk: int):
    meeting = access.get_or_404(
        request, Meeting, pk=pk, view=VIEW, perm="committees.manage_meetings"
    )
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        access.act(
            request,
            lambda: services.document_upload(
                meeting=meeting,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            ),
            done=_("Dokumentet er lagt på mødet."),
        )
    else:
        messages.error(request, _("Vælg en fil."))
    return redirect(meeting.get_absolute_url() + "#dokumenter")


def document_download(request, pk: int):
    document = access.get_or_404(request, MeetingDocument, pk=pk, view=VIEW)
    return document_response(document.file, content_type=document.content_type)


# --- recommendations and decisions ------------------------------------------------


def recommendation_create(request, pk: int):
    committee = access.get_or_404(
        request, TaskCommittee, pk=pk, view=VIEW, perm="committees.recommend"
    )
    form = RecommendationForm(
        request.POST if request.method == "POST" else None,
        municipality=request.municipality,
        initial={"theme": committee.theme, "focus_area": committee.focus_area},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_create(
                committee=committee, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Anbefalingen er gemt."))
            return redirect(committee.get_absolute_url() + "#anbefalinger")
    return _form_page(
        request, form, title=_("Ny anbefaling"), back=committee.get_absolute_url()
    )


def recommendation_edit(request, pk: int):
    recommendation = access.get_or_404(
        request, Recommendation, pk=pk, view=VIEW, perm="committees.recommend"
    )
    form = RecommendationForm(
        request.POST if request.method == "POST" else None,
        instance=Recommendation.objects.get(pk=recommendation.pk),
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_update(
                recommendation=recommendation,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Anbefalingen er gemt."))
            return redirect(recommendation.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Rediger anbefaling %(number)s") % {"number": recommendation.number},
        back=recommendation.get_absolute_url(),
    )


def recommendation_detail(request, pk: int):
    recommendation = access.get_or_404(
        request,
        Recommendation.objects.select_related("theme", "focus_area"),
        pk=pk,
        view=VIEW,
    )
    actions = list(
        visible_rows(recommendation.actions.all(), request.user, request.municipality)
        .select_related("owner", "responsible")
        .prefetch_related("milestones")
    )
    return render(
        request,
        "committees/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "committee": recommendation.committee,
            "actions": actions,
            "can_edit": request.user.has_perm("committees.recommend", recommendation),
            "can_decide": request.user.has_perm("committees.decide", recommendation),
            "can_add_action": recommendation.is_adopted
            and request.user.has_perm("committees.create_action", recommendation),
            "today": timezone.localdate(),
        },
    )


def recommendation_decide(request, pk: int):
    recommendation = access.get_or_404(
        request, Recommendation, pk=pk, view=VIEW, perm="committees.decide"
    )
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        initial={"decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.recommendation_decide(
                recommendation=recommendation,
                actor=request.user,
                decision=data["decision"],
                reason=data["reason"],
                decided_on=data["decided_on"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Byrådets beslutning er registreret."))
            return redirect(recommendation.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Byrådets beslutning om %(title)s") % {"title": recommendation.title},
        back=recommendation.get_absolute_url(),
    )


# --- follow-up --------------------------------------------------------------------


def action_create(request, pk: int):
    recommendation = access.get_or_404(
        request, Recommendation, pk=pk, view=VIEW, perm="committees.create_action"
    )
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.action_create(
                recommendation=recommendation, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Opfølgningen er oprettet."))
            return redirect(action.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Ny opfølgning på %(title)s") % {"title": recommendation.title},
        back=recommendation.get_absolute_url(),
    )


def action_detail(request, pk: int):
    action = access.get_or_404(request, FollowUpAction, pk=pk, view=VIEW)
    can_update = request.user.has_perm("committees.update_action", action)
    update_form = ActionUpdateForm(
        request.POST if request.method == "POST" else None,
        initial={"status": action.status, "progress": action.progress},
    )
    if request.method == "POST":
        access.require_perm(request, "committees.update_action", action)
        if update_form.is_valid():
            try:
                services.action_update_post(
                    action=action, actor=request.user, **update_form.cleaned_data
                )
            except ValidationError as error:
                access.form_errors(update_form, error)
            else:
                messages.success(request, _("Statusopdateringen er gemt."))
                return redirect(action.get_absolute_url())
    responsible = action.responsible
    return render(
        request,
        "committees/action_detail.html",
        {
            "action": action,
            "recommendation": action.recommendation,
            "committee": action.recommendation.committee,
            "milestones": list(action.milestones.all()),
            "updates": _with_roles(
                request.municipality, list(action.updates.select_related("author")[:20])
            ),
            "can_update": can_update,
            "update_form": update_form if can_update else None,
            "milestone_form": MilestoneForm() if can_update else None,
            "responsible_membership": Membership.objects.filter(
                municipality=request.municipality, user=responsible
            ).first()
            if responsible
            else None,
            "today": timezone.localdate(),
            # A hearing not yet announced is not on the site: not linked either.
            "hearing": action.hearing
            if action.hearing_id and action.hearing.announced_at <= timezone.now()
            else None,
        },
    )


def _with_roles(municipality, updates: list) -> list:
    """Each update with its author's membership, for the role badge."""
    roles = selectors.memberships_by_user(
        municipality=municipality, user_ids=[u.author_id for u in updates]
    )
    for update in updates:
        update.membership = roles.get(update.author_id)
    return updates


@require_POST
def milestone_add(request, pk: int):
    action = access.get_or_404(
        request, FollowUpAction, pk=pk, view=VIEW, perm="committees.update_action"
    )
    form = MilestoneForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.milestone_add(
                action=action, actor=request.user, **form.cleaned_data
            ),
            done=_("Milepælen er tilføjet."),
        )
    else:
        messages.error(request, _("Skriv milepælen og en dato."))
    return redirect(action.get_absolute_url() + "#milepaele")


@require_POST
def milestone_reach(request, pk: int):
    milestone = access.get_or_404(request, Milestone, pk=pk, view=VIEW)
    access.require_perm(request, "committees.update_action", milestone.action)
    access.act(
        request,
        lambda: services.milestone_reach(milestone=milestone, actor=request.user),
        done=_("Milepælen er markeret som nået."),
    )
    return redirect(milestone.action.get_absolute_url() + "#milepaele")


# --- politicians ------------------------------------------------------------------


def politician_detail(request, user_id: int):
    """A politician's page: the committees they sit on and the follow-up they
    answer for. Anyone who is not a politician here is a 404."""
    membership = (
        Membership.objects.filter(
            municipality=request.municipality,
            user_id=user_id,
            is_politician=True,
            user__is_active=True,
        )
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    person: User = membership.user
    return render(
        request,
        "committees/politician_detail.html",
        {
            "person": person,
            "membership": membership,
            "committees": selectors.politician_committees(
                municipality=request.municipality, user=person
            ),
            "actions": selectors.actions_responsible(
                municipality=request.municipality, user=person
            ),
            "today": timezone.localdate(),
        },
    )
