"""The competence directory's pages: the search, one's own profile, a
colleague's profile with a question to them, a question to anyone who knows
something, and the questions one asked and was asked.

Staff only: for a logged-in person who is not an employee here nothing of it
exists (404); an anonymous visitor is sent to log in."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.params import parse_id
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import (
    AnswerForm,
    AskAnyoneForm,
    AskForm,
    DeclineForm,
    ProfileForm,
    SearchForm,
    ThanksForm,
)
from .models import MAX_OPEN_QUESTIONS, Profile, Question

PROFILES = Profile.objects.select_related("user")
QUESTIONS = Question.objects.select_related("asker", "recipient", "answered_by")
LIST_SHOWN = 50


def _staff(request) -> None:
    """Anonymous: login. Anyone else who is not an employee here: 404."""
    access.require_login(request)
    if not request.user.has_perm("competences.use", request.municipality):
        raise Http404


def _url(request, name: str, **kwargs) -> str:
    return tenant_reverse(f"competences:{name}", request.municipality, **kwargs)


def _question(request, pk: int, perm: str | None = None) -> Question:
    _staff(request)
    return access.get_or_404(
        request, QUESTIONS, pk=pk, view="competences.view_question", perm=perm
    )


@never_cache
def index(request):
    _staff(request)
    municipality = request.municipality
    departments = selectors.departments(municipality=municipality)
    form = SearchForm(request.GET or None, departments=departments)
    results = None
    if form.is_valid():
        results = selectors.search(
            municipality=municipality,
            text=form.cleaned_data["q"],
            department=form.cleaned_data["afdeling"],
            language=form.cleaned_data["sprog"],
            page=parse_id(request.GET.get("side")) or 1,
        )
    elif not form.is_bound:
        results = selectors.search(municipality=municipality)
    return render(
        request,
        "competences/index.html",
        {
            "form": form,
            "results": results,
            "own": selectors.own_profile(municipality=municipality, user=request.user),
        },
    )


@never_cache
def profile_edit(request):
    _staff(request)
    municipality = request.municipality
    profile = selectors.own_profile(municipality=municipality, user=request.user)
    initial = {}
    if profile is not None:
        initial = {
            "skills": profile.skills,
            "tags": ", ".join(profile.tags),
            "skills_sharing": profile.skills_sharing,
            "languages": profile.languages,
            "languages_sharing": profile.languages_sharing,
            "experience": profile.experience,
            "experience_consent": profile.experience_consent_at is not None,
            "experience_sharing": profile.experience_sharing,
            "networks": profile.networks,
            "networks_sharing": profile.networks_sharing,
            "open_to_questions": profile.open_to_questions,
        }
    form = ProfileForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.profile_save(
                municipality=municipality,
                user=request.user,
                skills=data["skills"],
                tags=form.tag_list(),
                skills_sharing=data["skills_sharing"],
                languages=data["languages"],
                languages_sharing=data["languages_sharing"],
                experience=data["experience"],
                experience_consent=data["experience_consent"],
                experience_sharing=data["experience_sharing"],
                networks=data["networks"],
                networks_sharing=data["networks_sharing"],
                open_to_questions=data["open_to_questions"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Din kompetenceprofil er gemt."))
            return redirect(_url(request, "profile_edit"))
    return render(
        request,
        "competences/profile_edit.html",
        {
            "form": form,
            "profile": profile,
            "membership": selectors.membership_of(
                municipality=municipality, user=request.user
            ),
        },
    )


@require_POST
def profile_delete(request):
    _staff(request)
    profile = selectors.own_profile(
        municipality=request.municipality, user=request.user
    )
    if profile is not None:
        services.profile_delete(profile=profile, actor=request.user)
    messages.success(request, _("Din kompetenceprofil er slettet."))
    return redirect(_url(request, "index"))


@require_POST
def experience_delete(request):
    _staff(request)
    profile = selectors.own_profile(
        municipality=request.municipality, user=request.user
    )
    if profile is not None:
        services.experience_delete(profile=profile, actor=request.user)
    messages.success(request, _("Dine levede erfaringer og dit samtykke er slettet."))
    return redirect(_url(request, "profile_edit"))


@never_cache
def person(request, pk: int):
    _staff(request)
    profile = access.get_or_404(
        request, PROFILES, pk=pk, view="competences.view_profile"
    )
    may_ask = request.user.has_perm("competences.ask", profile)
    form = AskForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        access.require_perm(request, "competences.ask", profile)
        if form.is_valid():
            try:
                question = services.question_ask(
                    municipality=request.municipality,
                    asker=request.user,
                    profile=profile,
                    text=form.cleaned_data["text"],
                )
            except ValidationError as error:
                access.form_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Dit spørgsmål er sendt til %(name)s.")
                    % {"name": profile.user.display_name},
                )
                return redirect(question.get_absolute_url())
    return render(
        request,
        "competences/person.html",
        {
            "profile": profile,
            "membership": selectors.membership_of(
                municipality=request.municipality, user=profile.user
            ),
            "is_own": profile.user_id == request.user.pk,
            "may_ask": may_ask and profile.open_to_questions,
            "form": form,
            "max_open": MAX_OPEN_QUESTIONS,
        },
    )


def ask_anyone(request):
    _staff(request)
    form = AskAnyoneForm(
        request.POST if request.method == "POST" else None,
        initial={"topic": request.GET.get("emne", "")[:120]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_ask_anyone(
                municipality=request.municipality,
                asker=request.user,
                topic=form.cleaned_data["topic"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Dit spørgsmål er sendt til %(n)s kolleger, der kender til emnet.")
                % {"n": question.invited.count()},
            )
            return redirect(question.get_absolute_url())
    return render(
        request,
        "competences/ask_anyone.html",
        {"form": form, "max_open": MAX_OPEN_QUESTIONS},
    )


@never_cache
def questions(request):
    _staff(request)
    municipality = request.municipality
    return render(
        request,
        "competences/questions.html",
        {
            "to_me": selectors.questions_to(
                municipality=municipality, user=request.user
            )[:LIST_SHOWN],
            "from_me": selectors.questions_from(
                municipality=municipality, user=request.user
            )[:LIST_SHOWN],
        },
    )


@never_cache
def question(request, pk: int):
    q = _question(request, pk)
    user = request.user
    return render(
        request,
        "competences/question.html",
        {
            "question": q,
            "invited": list(q.invited.all()) if q.to_anyone else [],
            "is_asker": q.asker_id == user.pk,
            "answer_form": AnswerForm()
            if user.has_perm("competences.answer", q)
            else None,
            "decline_form": DeclineForm()
            if user.has_perm("competences.decline", q)
            else None,
            "may_withdraw": user.has_perm("competences.withdraw", q),
            "thanks_form": ThanksForm()
            if user.has_perm("competences.thank", q)
            else None,
        },
    )


def _question_action(request, pk: int, perm: str, form_class, call, done: str):
    q = _question(request, pk, perm=perm)
    form = form_class(request.POST)
    if form.is_valid():
        access.act(request, lambda: call(q, form.cleaned_data), done=done)
    else:
        access.form_error_messages(request, form)
    return redirect(q.get_absolute_url())


@require_POST
def answer(request, pk: int):
    return _question_action(
        request,
        pk,
        "competences.answer",
        AnswerForm,
        lambda q, data: services.question_answer(
            question=q, actor=request.user, answer=data["answer"]
        ),
        _("Tak for dit svar. Din kollega får besked."),
    )


@require_POST
def decline(request, pk: int):
    return _question_action(
        request,
        pk,
        "competences.decline",
        DeclineForm,
        lambda q, data: services.question_decline(
            question=q, actor=request.user, note=data["note"]
        ),
        _("Du har sagt nej tak til spørgsmålet."),
    )


@require_POST
def withdraw(request, pk: int):
    q = _question(request, pk, perm="competences.withdraw")
    access.act(
        request,
        lambda: services.question_withdraw(question=q, actor=request.user),
        done=_("Dit spørgsmål er trukket tilbage."),
    )
    return redirect(q.get_absolute_url())


@require_POST
def thank(request, pk: int):
    return _question_action(
        request,
        pk,
        "competences.thank",
        ThanksForm,
        lambda q, data: services.question_thank(
            question=q, actor=request.user, thanks=data["thanks"]
        ),
        _("Din tak er sendt."),
    )
