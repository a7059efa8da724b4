"""The team reflection kit's pages: the team's sessions and one's own actions,
creating a session, one session (phases, own notes, shared answers, actions,
follow-up, summary) and the question sets."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.accounts.models import User
from faelles.accounts.selectors import membership_for
from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .builtin import BUILTIN_SETS, BY_KEY
from .forms import (
    ActionForm,
    AnswersForm,
    FollowUpForm,
    NotesForm,
    QuestionSetForm,
    SessionForm,
    SummaryForm,
)
from .models import PHASE_ORDER, Action, Phase, QuestionSet, Session

CLOSED_SHOWN = 50  # the newest; older ones stay in the teams' history
SESSIONS = Session.objects.select_related("department", "facilitator")


def _session(request, pk: int, perm: str | None = None) -> Session:
    """The session, if the person may see it: anyone logged in who is not of
    its team nor an administrator gets 404 (a team space does not show it
    exists); an anonymous visitor goes to login."""
    access.require_login(request)
    return access.get_or_404(
        request, SESSIONS, pk=pk, view="reflection.view", perm=perm
    )


def _index_url(request) -> str:
    return tenant_reverse("reflection:index", request.municipality)


def index(request):
    access.require_perm(request, "reflection.use")
    municipality = request.municipality
    user = request.user
    membership = membership_for(user, municipality)
    sessions = selectors.sessions_for(municipality=municipality, user=user)
    return render(
        request,
        "reflection/index.html",
        {
            "open_sessions": sessions.exclude(phase=Phase.CLOSED),
            "closed_sessions": sessions.filter(phase=Phase.CLOSED)[:CLOSED_SHOWN],
            "own_actions": selectors.own_open_actions(
                municipality=municipality, user=user
            ),
            "team": membership.department
            if membership and membership.is_employee
            else None,
            "all_teams": user.has_perm("reflection.create_any", municipality),
            "is_employee": bool(membership and membership.is_employee),
            "may_create": user.has_perm("reflection.create", municipality),
            "may_manage_sets": user.has_perm("reflection.manage_sets", municipality),
        },
    )


def _create_departments(request):
    municipality = request.municipality
    all_departments = selectors.departments(municipality=municipality)
    if request.user.has_perm("reflection.create_any", municipality):
        return all_departments
    membership = membership_for(request.user, municipality)
    if membership is None or not membership.department_id:
        return all_departments.none()
    return all_departments.filter(pk=membership.department_id)


def create(request):
    access.require_perm(request, "reflection.use")
    access.require_perm(request, "reflection.create")
    municipality = request.municipality
    initial = {}
    if request.GET.get("saet"):
        initial["source"] = request.GET["saet"]
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        departments=_create_departments(request),
        own_sets=selectors.question_sets(municipality=municipality),
    )
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_create(
                municipality=municipality,
                department=form.cleaned_data["department"],
                title=form.cleaned_data["title"],
                day=form.cleaned_data["date"],
                source=form.cleaned_data["source"],
                actor=request.user,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Sessionen er oprettet. Du er facilitator."))
            return redirect(session.get_absolute_url())
    return render(request, "reflection/create.html", {"form": form})


@never_cache  # the page holds the person's own notes
def detail(request, pk: int):
    session = _session(request, pk)
    user = request.user
    questions = list(session.questions.all())
    own = selectors.own_notes(session=session, user=user)
    may_write = user.has_perm("reflection.write_notes", session)
    notes_form = None
    if may_write:
        notes_form = NotesForm(
            request.POST if request.method == "POST" else None,
            questions=questions,
            initial={f"note_{q}": n.text for q, n in own.items()},
        )
        if request.method == "POST" and notes_form.is_valid():
            try:
                services.notes_save(
                    session=session, user=user, texts=notes_form.texts()
                )
            except ValidationError as error:
                access.form_errors(notes_form, error)
            else:
                messages.success(request, _("Dine noter er gemt. Kun du kan læse dem."))
                return redirect(session.get_absolute_url())
    elif request.method == "POST":
        access.require_perm(request, "reflection.write_notes", session)
    may_facilitate = user.has_perm("reflection.facilitate", session)
    in_team = user.has_perm("reflection.read_shared_notes", session)
    shared = selectors.shared_notes(session=session) if in_team else {}
    follow_up = selectors.follow_up(session=session)
    return render(
        request,
        "reflection/detail.html",
        {
            "session": session,
            "phases": [(p, label) for p, label in Phase.choices],
            "questions": [(q, own.get(q.pk), shared.get(q.pk, [])) for q in questions],
            "notes_form": notes_form,
            "has_own": bool(own),
            "may_share": user.has_perm("reflection.share_notes", session),
            "in_team": in_team,
            "may_facilitate": may_facilitate,
            "writers": selectors.writers(session=session),
            "actions": selectors.actions(session=session),
            "follow_up": follow_up,
            "may_follow_up": may_facilitate and not session.is_closed and follow_up,
            "summary_form": SummaryForm(
                initial={
                    "summary": session.summary,
                    "share": session.summary_shared_at is not None,
                }
            )
            if may_facilitate and session.phase in (Phase.SHARED, Phase.CLOSED)
            else None,
            "next_phase": _next_phase(session),
        },
    )


def _next_phase(session: Session) -> str:
    i = session.phase_index
    return PHASE_ORDER[i + 1] if i + 1 < len(PHASE_ORDER) else ""


@require_POST
def move(request, pk: int):
    session = _session(request, pk, perm="reflection.facilitate")
    forward = request.POST.get("direction") != "back"
    try:
        session = services.session_move(
            session=session, actor=request.user, forward=forward
        )
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(
            request,
            _("Sessionen er nu i fasen: %(phase)s.")
            % {"phase": session.get_phase_display()},
        )
    return redirect(session.get_absolute_url())


@require_POST
def share_notes(request, pk: int):
    session = _session(request, pk, perm="reflection.share_notes")
    try:
        chosen = {int(v) for v in request.POST.getlist("share")}
    except ValueError:
        chosen = {-1}
    try:
        n = services.notes_share(session=session, user=request.user, shared=chosen)
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        if n:
            messages.success(request, _("Teamet kan nu læse de noter, du delte."))
        else:
            messages.success(request, _("Ingen af dine noter er delt."))
    return redirect(session.get_absolute_url() + "#noter")


def answers(request, pk: int):
    session = _session(request, pk, perm="reflection.facilitate")
    if session.phase != Phase.SHARED:
        messages.error(request, _("Det kan kun gøres i fasen med fælles svar."))
        return redirect(session.get_absolute_url())
    questions = list(session.questions.all())
    form = AnswersForm(
        request.POST or None,
        questions=questions,
        initial={f"answer_{q.pk}": q.shared_answer for q in questions},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.answers_record(
                session=session, actor=request.user, answers=form.answers()
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("De fælles svar er gemt."))
            return redirect(session.get_absolute_url() + "#svar")
    shared = (
        selectors.shared_notes(session=session)
        if request.user.has_perm("reflection.read_shared_notes", session)
        else {}
    )
    return render(
        request,
        "reflection/answers.html",
        {
            "session": session,
            "form": form,
            "rows": [
                (field, shared.get(q.pk, []))
                for q, field in zip(
                    questions, [form[f"answer_{q.pk}"] for q in questions], strict=True
                )
            ],
        },
    )


def _members(session: Session):
    ids = [u.pk for u in services.team_members(session)]
    return User.objects.filter(pk__in=ids).order_by("display_name", "id")


def action_add(request, pk: int):
    session = _session(request, pk, perm="reflection.facilitate")
    if session.phase != Phase.SHARED:
        messages.error(request, _("Det kan kun gøres i fasen med fælles svar."))
        return redirect(session.get_absolute_url())
    form = ActionForm(request.POST or None, members=_members(session))
    if request.method == "POST" and form.is_valid():
        try:
            services.action_add(
                session=session,
                actor=request.user,
                text=form.cleaned_data["text"],
                owner=form.cleaned_data["owner"],
                due=form.cleaned_data["due"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request, _("Handlingen er gemt, og den ansvarlige har fået besked.")
            )
            if request.POST.get("another"):
                return redirect(
                    tenant_reverse(
                        "reflection:action_add", request.municipality, pk=session.pk
                    )
                )
            return redirect(session.get_absolute_url() + "#handlinger")
    return render(
        request,
        "reflection/action_add.html",
        {
            "session": session,
            "form": form,
            "actions": selectors.actions(session=session),
        },
    )


@require_POST
def action_remove(request, pk: int, action_pk: int):
    session = _session(request, pk, perm="reflection.facilitate")
    action = Action.objects.filter(session=session, pk=action_pk).first()
    if action is None:
        raise Http404
    action.session = session
    access.act(
        request,
        lambda: services.action_remove(action=action, actor=request.user),
        done=_("Handlingen er fjernet."),
    )
    return redirect(session.get_absolute_url() + "#handlinger")


def follow_up(request, pk: int):
    session = _session(request, pk, perm="reflection.facilitate")
    items = selectors.follow_up(session=session)
    if session.is_closed or not items:
        messages.error(request, _("Der er ingen handlinger at følge op på."))
        return redirect(session.get_absolute_url())
    initial = {}
    for item in items:
        if item.this_session:
            initial[f"outcome_{item.action.pk}"] = item.this_session.outcome
            initial[f"note_{item.action.pk}"] = item.this_session.note
    form = FollowUpForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_record(
                session=session, actor=request.user, outcomes=form.outcomes()
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect(session.get_absolute_url() + "#opfoelgning")
    return render(
        request, "reflection/follow_up.html", {"session": session, "form": form}
    )


@require_POST
def summary(request, pk: int):
    """Close the session with its summary (shared phase), or change the summary
    and whether it is shared (closed)."""
    session = _session(request, pk, perm="reflection.facilitate")
    form = SummaryForm(request.POST)
    if form.is_valid():
        try:
            if session.is_closed:
                services.summary_save(
                    session=session,
                    actor=request.user,
                    summary=form.cleaned_data["summary"],
                    share=form.cleaned_data["share"],
                )
                messages.success(request, _("Opsummeringen er gemt."))
            else:
                services.session_close(
                    session=session,
                    actor=request.user,
                    summary=form.cleaned_data["summary"],
                    share=form.cleaned_data["share"],
                )
                messages.success(request, _("Sessionen er afsluttet."))
        except ValidationError as error:
            access.error_messages(request, error)
        else:
            return redirect(session.get_absolute_url() + "#opsummering")
    else:
        access.form_error_messages(request, form)
    return redirect(session.get_absolute_url() + "#opsummering")


# --- question sets ---------------------------------------------------------------


def sets(request):
    access.require_perm(request, "reflection.use")
    return render(
        request,
        "reflection/sets.html",
        {
            "builtin": BUILTIN_SETS,
            "own": selectors.question_sets(municipality=request.municipality),
            "may_manage": request.user.has_perm(
                "reflection.manage_sets", request.municipality
            ),
            "may_create": request.user.has_perm(
                "reflection.create", request.municipality
            ),
        },
    )


def _set_form(request, question_set: QuestionSet | None):
    municipality = request.municipality
    initial = {}
    if question_set is None:
        start = BY_KEY.get(request.GET.get("fra", ""))
        if start is not None:
            initial = {
                "title": str(start.title),
                "intro": str(start.intro),
                "guide": str(start.guide),
                "questions_text": "\n".join(str(q) for q in start.questions),
            }
    else:
        initial = {"questions_text": "\n".join(question_set.questions)}
    form = QuestionSetForm(request.POST or None, instance=question_set, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.question_set_save(
                municipality=municipality,
                actor=request.user,
                title=form.cleaned_data["title"],
                intro=form.cleaned_data["intro"],
                guide=form.cleaned_data["guide"],
                questions=form.questions(),
                question_set=question_set,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict") and "questions" in error.error_dict:
                error = ValidationError(
                    {"questions_text": error.error_dict.pop("questions")}
                    | error.error_dict
                )
            access.form_errors(form, error)
        else:
            messages.success(request, _("Spørgsmålssættet er gemt."))
            return redirect(
                tenant_reverse("reflection:sets", municipality) + f"#saet-{saved.pk}"
            )
    return render(
        request,
        "reflection/set_form.html",
        {"form": form, "question_set": question_set},
    )


def set_create(request):
    access.require_perm(request, "reflection.use")
    access.require_perm(request, "reflection.manage_sets")
    return _set_form(request, None)


def set_edit(request, pk: int):
    access.require_perm(request, "reflection.use")
    question_set = access.get_or_404(
        request, QuestionSet, pk=pk, perm="reflection.manage_sets"
    )
    return _set_form(request, question_set)


@require_POST
def set_delete(request, pk: int):
    access.require_perm(request, "reflection.use")
    question_set = access.get_or_404(
        request, QuestionSet, pk=pk, perm="reflection.manage_sets"
    )
    services.question_set_delete(question_set=question_set, actor=request.user)
    messages.success(
        request,
        _("Spørgsmålssættet er slettet. Sessioner, der brugte det, er uændrede."),
    )
    return redirect(tenant_reverse("reflection:sets", request.municipality))
