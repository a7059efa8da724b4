"""Pages of cross-department teams: the list, creating and changing a team,
one team (purpose, members, the open call and — for its members — its space),
volunteering, answering volunteers and closing with an evaluation."""

from __future__ import annotations

import datetime
import html

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.files import document_response
from faelles.core.params import parse_id
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import (
    AnswerForm,
    CloseForm,
    FileForm,
    PostForm,
    TaskForm,
    TeamEditForm,
    TeamForm,
    VolunteerForm,
)
from .models import State, Task, TeamFile, Volunteer

# The teams in progress, a page at a time: counting the members of a page
# costs one query whatever the number of teams (selectors.with_counts).
CURRENT_SHOWN = 30
MAX_PAGE = 1000
CLOSED_SHOWN = 30
# The team's space a page at a time: its messages, done tasks and files grow
# with the team's history (the open tasks are its work and all shown).
POSTS_SHOWN = 20
DONE_TASKS_SHOWN = 10
FILES_SHOWN = 10
# Bounded as well: the person's own teams, and the colleagues waiting for the
# leader's answer to an open call.
MINE_SHOWN = 20
WAITING_SHOWN = 10
# Stands for a row's id in a URL reversed once for every row (_row_urls).
ROW_MARKER = 2**62


def _team(request, pk: int, perm: str | None = None):
    """The team, for staff: anyone else logged in gets 404 (a staff space does
    not show it exists); an anonymous visitor goes to login."""
    access.require_login(request)
    return access.get_or_404(
        request, selectors.TEAM_PAGE, pk=pk, view="teams.view", perm=perm
    )


def _back(team, anchor: str = "") -> str:
    return team.get_absolute_url() + anchor


def index(request):
    access.require_login(request)
    municipality = request.municipality
    if not request.user.has_perm("teams.use", municipality):
        raise Http404
    user = request.user
    page = min(parse_id(request.GET.get("side")) or 1, MAX_PAGE)
    current, more = selectors.teams_page(
        municipality=municipality, page=page, per_page=CURRENT_SHOWN
    )
    return render(
        request,
        "teams/index.html",
        {
            "mine": selectors.my_teams_page(
                municipality=municipality,
                user=user,
                page=_page(request, "mine"),
                per_page=MINE_SHOWN,
            ),
            "current": current,
            "page": page,
            "next_page": page + 1 if more else None,
            "closed": selectors.sliced(
                selectors.teams(municipality=municipality, state=State.CLOSED),
                0,
                CLOSED_SHOWN,
            ),
            "may_create": user.has_perm("teams.create", municipality),
        },
    )


def create(request):
    access.require_login(request)
    municipality = request.municipality
    if not request.user.has_perm("teams.use", municipality):
        raise Http404
    access.require_perm(request, "teams.create")
    form = TeamForm(
        request.POST if request.method == "POST" else None, municipality=municipality
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            team = services.team_create(
                municipality=municipality,
                actor=request.user,
                title=data["title"],
                purpose=data["purpose"],
                end_date=data["end_date"],
                initiative=data["initiative"],
                follow_up=data["follow_up"],
                task=data["task"],
                call_text=data["call_text"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Teamet er oprettet. Du er teamleder, og opslaget er åbent."),
            )
            return redirect(team.get_absolute_url())
    return render(request, "teams/create.html", {"form": form})


def edit(request, pk: int):
    team = _team(request, pk, perm="teams.lead")
    form = TeamEditForm(
        request.POST if request.method == "POST" else None,
        initial={
            "title": team.title,
            "purpose": team.purpose,
            "task": team.task,
            "end_date": team.end_date,
            "call_text": team.call_text,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_update(
                team=team, actor=request.user, fields=form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Teamet er ændret."))
            return redirect(team.get_absolute_url())
    return render(request, "teams/edit.html", {"team": team, "form": form})


def _page(request, name: str) -> int:
    """``?name=N``: a page of one of the space's lists; anything that is not a
    page number is the first page."""
    return min(parse_id(request.GET.get(name)) or 1, MAX_PAGE)


def _row_urls(team, viewname: str, key: str, rows, attr: str) -> None:
    """Set ``attr`` on each row to its URL under the team, reversed once for
    all the rows (a reverse each costs more than the rest of a row)."""
    if not rows:
        return
    marker = str(ROW_MARKER)
    url = tenant_reverse(
        viewname, team.municipality_id, pk=team.pk, **{key: ROW_MARKER}
    )
    head, tail = url.rsplit(marker, 1)
    for row in rows:
        setattr(row, attr, f"{head}{row.pk}{tail}")


def _task_rows(request, tasks: list[Task], may_write: bool) -> str:
    """The task table's rows, written in one pass with every text escaped: a
    long-lived team's open tasks cost more through the template (a form, two
    translations and a date a row) than the rest of its page."""
    quote = html.escape  # the same five characters as Django's escape
    nobody = quote(_("ingen ansvarlig længere"))
    dates: dict[datetime.date, str] = {}
    if may_write:
        token = quote(get_token(request))
        csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
    else:
        state = {True: quote(_("Færdig")), False: quote(_("Åben"))}
    rows = []
    for t in tasks:
        title = quote(t.title)
        owner = quote(str(t.owner)) if t.owner_id is not None else nobody
        if t.due not in dates:
            dates[t.due] = quote(date_format(t.due, "DATE_FORMAT"))
        if may_write:
            label = (
                _("Færdig – åbn “%(title)s” igen")
                if t.done
                else _("Markér “%(title)s” som færdig")
            ) % {"title": t.title}
            status = (
                f'<form method="post" action="{quote(t.done_url)}">{csrf}'  # type: ignore[attr-defined]
                f'<input type="hidden" name="done" value="{0 if t.done else 1}">'
                '<button class="button button-unstyled function-link" '
                f'type="submit">{quote(label)}</button></form>'
            )
        else:
            status = state[t.done]
        rows.append(
            f"<tr>\n    <td>{title}</td><td>{owner}</td><td>{dates[t.due]}</td>\n"
            f"    <td>{status}</td>\n  </tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every part is escaped


def detail(request, pk: int):
    team = _team(request, pk)
    user = request.user
    members = selectors.members(team=team)
    team._member_ids = {m.user_id for m in members}
    may_lead = user.has_perm("teams.lead", team)
    may_see_space = user.has_perm("teams.see_space", team)
    may_write = user.has_perm("teams.write", team)
    context = {
        "team": team,
        "members": members,
        "department_count": selectors.department_count(members),
        "may_lead": may_lead,
        "may_see_space": may_see_space,
        "may_write": may_write,
        "may_volunteer": user.has_perm("teams.volunteer", team),
        "may_leave": user.has_perm("teams.leave", team),
        "own_offer": selectors.own_offer(team=team, user=user),
        "waiting": selectors.waiting_page(
            team=team, page=_page(request, "frivillige"), per_page=WAITING_SHOWN
        )
        if may_lead
        else None,
    }
    if may_lead:
        _row_urls(
            team, "teams:answer", "volunteer_pk", context["waiting"].rows, "answer_url"
        )
    if may_see_space:
        space = selectors.space(
            team=team,
            posts_at=_page(request, "beskeder"),
            done_at=_page(request, "faerdige"),
            files_at=_page(request, "filer"),
            posts=POSTS_SHOWN,
            done=DONE_TASKS_SHOWN,
            files=FILES_SHOWN,
        )
        if may_write:
            _row_urls(
                team,
                "teams:task_done",
                "task_pk",
                space["tasks"],
                "done_url",
            )
        _row_urls(team, "teams:file_download", "file_pk", space["files"].rows, "url")
        context.update(space, task_rows=_task_rows(request, space["tasks"], may_write))
    if may_write:
        context.update(
            post_form=PostForm(prefix="post"),
            file_form=FileForm(prefix="file"),
            task_form=TaskForm(team=team, members=members, prefix="task"),
        )
    return render(request, "teams/detail.html", context)


def volunteer(request, pk: int):
    team = _team(request, pk)
    access.require_perm(request, "teams.volunteer", team)
    form = VolunteerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_offer(
                team=team, user=request.user, motivation=form.cleaned_data["motivation"]
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request, _("Tak! Teamlederen har fået besked og svarer dig.")
            )
            return redirect(team.get_absolute_url())
    return render(request, "teams/volunteer.html", {"team": team, "form": form})


@require_POST
def answer(request, pk: int, volunteer_pk: int):
    team = _team(request, pk, perm="teams.lead")
    found = Volunteer.objects.filter(team=team, pk=volunteer_pk).select_related(
        "user", "team"
    )
    offer = found.first()
    if offer is None:
        raise Http404
    decision = request.POST.get("decision")
    accept = decision == "accept"
    form = AnswerForm(request.POST)
    if decision not in ("accept", "decline"):
        messages.error(request, _("Vælg at tage imod eller sige nej tak."))
        return redirect(_back(team, "#frivillige"))
    if not form.is_valid():
        access.form_error_messages(request, form)
        return redirect(_back(team, "#frivillige"))
    name = str(offer.user)
    access.act(
        request,
        lambda: services.volunteer_answer(
            volunteer=offer,
            actor=request.user,
            accept=accept,
            answer=form.cleaned_data["answer"],
        ),
        done=_("%(name)s er med i teamet.") % {"name": name}
        if accept
        else _("%(name)s har fået dit svar.") % {"name": name},
    )
    return redirect(_back(team, "#frivillige"))


@require_POST
def call(request, pk: int):
    team = _team(request, pk, perm="teams.lead")
    is_open = request.POST.get("open") == "1"
    access.act(
        request,
        lambda: services.call_set(team=team, actor=request.user, is_open=is_open),
        done=_("Opslaget er åbent for frivillige.")
        if is_open
        else _("Opslaget til frivillige er lukket."),
    )
    return redirect(team.get_absolute_url())


@require_POST
def start(request, pk: int):
    team = _team(request, pk, perm="teams.lead")
    access.act(
        request,
        lambda: services.team_start(team=team, actor=request.user),
        done=_("Teamet er i gang."),
    )
    return redirect(team.get_absolute_url())


@require_POST
def leave(request, pk: int):
    team = _team(request, pk, perm="teams.leave")
    access.act(
        request,
        lambda: services.member_leave(team=team, user=request.user),
        done=_("Du har forladt teamet."),
    )
    return redirect(team.get_absolute_url())


@require_POST
def post(request, pk: int):
    team = _team(request, pk, perm="teams.write")
    form = PostForm(request.POST, prefix="post")
    if form.is_valid():
        access.act(
            request,
            lambda: services.post_create(
                team=team, author=request.user, body=form.cleaned_data["body"]
            ),
            done=_("Beskeden er sendt til teamet."),
        )
    else:
        access.form_error_messages(request, form)
    return redirect(_back(team, "#beskeder"))


@require_POST
def file_upload(request, pk: int):
    team = _team(request, pk, perm="teams.write")
    form = FileForm(request.POST, request.FILES, prefix="file")
    if form.is_valid():
        access.act(
            request,
            lambda: services.file_upload(
                team=team,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            ),
            done=_("Filen er delt med teamet."),
        )
    else:
        access.form_error_messages(request, form)
    return redirect(_back(team, "#filer"))


def file_download(request, pk: int, file_pk: int):
    team = _team(request, pk)
    shared = TeamFile.objects.filter(team=team, pk=file_pk).first()
    if shared is None:
        raise Http404
    access.require_perm(request, "teams.download", team)
    return document_response(shared.file, content_type=shared.content_type)


@require_POST
def task_add(request, pk: int):
    team = _team(request, pk, perm="teams.write")
    form = TaskForm(request.POST, team=team, prefix="task")
    if form.is_valid():
        access.act(
            request,
            lambda: services.task_add(
                team=team,
                actor=request.user,
                title=form.cleaned_data["title"],
                owner=form.owner_user(),
                due=form.cleaned_data["due"],
            ),
            done=_("Opgaven er tilføjet."),
        )
    else:
        access.form_error_messages(request, form)
    return redirect(_back(team, "#opgaver"))


@require_POST
def task_done(request, pk: int, task_pk: int):
    team = _team(request, pk, perm="teams.write")
    task = Task.objects.filter(team=team, pk=task_pk).select_related("team").first()
    if task is None:
        raise Http404
    done = request.POST.get("done") == "1"
    access.act(
        request,
        lambda: services.task_set_done(task=task, actor=request.user, done=done),
        done=_("Opgaven er markeret som færdig.")
        if done
        else _("Opgaven er åben igen."),
    )
    return redirect(_back(team, "#opgaver"))


def close(request, pk: int):
    team = _team(request, pk, perm="teams.lead")
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.team_close(
                team=team,
                actor=request.user,
                worked=data["worked"],
                did_not_work=data["did_not_work"],
                again=data["again"],
                share=data["share"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Teamet er afsluttet, og evalueringen er delt i læringsbanken.")
                if data["share"]
                else _("Teamet er afsluttet."),
            )
            return redirect(team.get_absolute_url())
    return render(request, "teams/close.html", {"team": team, "form": form})
