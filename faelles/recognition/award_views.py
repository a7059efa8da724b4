"""Awards: the administrators' list and form, an award's page with nominating,
the jury space (scores, winners, announcement)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from faelles.accounts.selectors import visible_profile
from faelles.core import access
from faelles.core.params import parse_id, search_words
from faelles.municipalities.tenancy import tenant_reverse

from . import nominees, selectors, services
from .forms import (
    AwardForm,
    JuryForm,
    NominationForm,
    NomineeSearchForm,
    ScoreForm,
    WinnerForm,
)
from .models import Award, Phase
from .views import child_or_404


def _award(request, pk: int, **kwargs) -> Award:
    return access.get_or_404(
        request, Award, pk=pk, view="recognition.view_award", **kwargs
    )


def awards(request):
    """The administrators' list of the municipality's awards, drafts too."""
    access.require_perm(request, "recognition.manage_awards")
    return render(
        request,
        "recognition/awards.html",
        {"awards": selectors.all_awards(municipality=request.municipality)},
    )


def award_create(request):
    access.require_perm(request, "recognition.manage_awards")
    return _award_form(request, None)


def award_update(request, pk: int):
    award = _award(request, pk, perm="recognition.manage_awards")
    return _award_form(request, award)


def _award_form(request, award: Award | None):
    form = AwardForm(request.POST or None, instance=award)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.AWARD_FIELDS}
        if award is not None:  # the form changed the instance; start from the row
            award.refresh_from_db()
        try:
            saved = services.award_save(
                municipality=request.municipality,
                actor=request.user,
                award=award,
                **fields,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Prisen er gemt."))
            return redirect(saved.get_absolute_url())
    return render(
        request, "recognition/award_form.html", {"form": form, "award": award}
    )


def jury_set(request, pk: int):
    award = _award(request, pk, perm="recognition.manage_awards")
    jury = selectors.jurors(award=award)
    chair = next((j.user.email for j in jury if j.is_chair), "")
    form = JuryForm(
        request.POST or None,
        municipality=request.municipality,
        initial={"members": "\n".join(j.user.email for j in jury), "chair": chair},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.jury_set(
                award=award,
                actor=request.user,
                members=form.cleaned_data["people"],
                chair=form.cleaned_data["chair_user"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Juryen er gemt."))
            return redirect(award.get_absolute_url())
    return render(request, "recognition/jury_form.html", {"form": form, "award": award})


@require_POST
def award_publish(request, pk: int):
    award = _award(request, pk, perm="recognition.manage_awards")
    try:
        services.award_publish(award=award, actor=request.user)
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(request, _("Prisen er offentliggjort."))
    return redirect(award.get_absolute_url())


def _story_links(request, award: Award, winners) -> list[tuple[str, str]]:
    """(winner's name, address) of "Skriv en god historie" for winners that are
    an initiative or a community: their existing story form, with a title
    suggested, for those who may write stories about them."""
    links = []
    title = _("Vinder af %(award)s") % {"award": award.name}
    for winner in winners:
        if winner.nominee_initiative_id:
            name, args = (
                "initiatives:story_create",
                {"pk": winner.nominee_initiative_id},
            )
        elif winner.nominee_community_id:
            name, args = (
                "initiatives:story_create_community",
                {"community_pk": winner.nominee_community_id},
            )
        else:
            continue
        if request.user.has_perm("initiatives.write_story", winner.nominee):
            url = tenant_reverse(name, request.municipality, **args)
            links.append((winner.nominee_name, f"{url}?{urlencode({'titel': title})}"))
    return links


@never_cache  # shows the person's own nominations
def award_detail(request, pk: int):
    award = _award(request, pk)
    user = request.user
    may_manage = user.has_perm("recognition.manage_awards", award)
    phase = award.phase()
    winners = selectors.winners_of(award=award) if award.announced_at else []
    shown = selectors.named_winners(winners)
    return render(
        request,
        "recognition/award_detail.html",
        {
            "award": award,
            "phase": phase,
            "Phase": Phase,
            "may_manage": may_manage,
            "may_nominate": not user.is_authenticated
            or user.has_perm("recognition.nominate", award),
            "may_see_jury": user.has_perm("recognition.view_jury", award),
            "jury": selectors.jurors(award=award),
            "mine": selectors.my_nominations(award=award, user=user),
            "shown_winners": shown,
            "waiting": len(winners) - len(shown),
            "story_links": _story_links(request, award, shown) if may_manage else [],
        },
    )


def nominate(request, pk: int):
    """Nominate the person whose page one came from (``?person=``), or find an
    organisation, an initiative or a community by name and nominate it."""
    award = _award(request, pk, perm="recognition.nominate")
    municipality = request.municipality
    person = None
    person_id = parse_id(request.GET.get("person"))
    if person_id is not None:
        membership = visible_profile(
            viewer=request.user, municipality=municipality, user_id=person_id
        )
        if membership is None:
            raise Http404
        person = membership.user
    search = NomineeSearchForm(request.GET if "slags" in request.GET else None)
    kind, choices = "person", None
    if person is None:
        kind = search.cleaned_data["slags"] if search.is_valid() else ""
        words = search_words(search.cleaned_data.get("q")) if kind else ""
        choices = nominees.search(municipality=municipality, kind=kind, words=words)
    form = None
    if kind:
        form = NominationForm(
            request.POST if request.method == "POST" else None,
            kind=kind,
            choices=choices,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.nomination_create(
                    award=award,
                    nominator=request.user,
                    kind=kind,
                    nominee_id=person.pk if person else form.cleaned_data["nominee"],
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                access.form_errors(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Tak for din nominering! Juryen ser på den, når "
                        "nomineringen lukker."
                    ),
                )
                return redirect(award.get_absolute_url())
    return render(
        request,
        "recognition/nominate.html",
        {
            "award": award,
            "form": form,
            "search": search,
            "person": person,
            "found": choices,
            "limit": nominees.SEARCH_LIMIT,
            "is_open": award.phase() == Phase.NOMINATING,
        },
    )


@require_POST
def nomination_withdraw(request, pk: int, nomination_pk: int):
    award = _award(request, pk)
    child_or_404(request, award.nominations.all(), pk=nomination_pk)
    access.require_login(request)
    nomination = award.nominations.filter(nominator=request.user)
    nomination = child_or_404(request, nomination, pk=nomination_pk)
    nomination.award = award
    try:
        services.nomination_withdraw(nomination=nomination, actor=request.user)
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(request, _("Din nominering er trukket tilbage."))
    return redirect(award.get_absolute_url())


def _jury_award(
    request, pk: int, perm: str | None = None, award: Award | None = None
) -> Award:
    """The award, if the person is on its jury or an administrator: anonymous
    visitors go to the login page, everyone else gets 404."""
    award = award or _award(request, pk)
    access.require_login(request)
    access.hide_unless(request, "recognition.view_jury", award)
    if perm is not None:
        access.require_perm(request, perm, award)
    return award


def _nomination(request, pk: int, nomination_pk: int, perm: str):
    """A nomination of the award, looked up before anything else so that one
    hidden by a private space is 404 for everyone, also before login."""
    award = _award(request, pk)
    nomination = child_or_404(request, award.nominations.all(), pk=nomination_pk)
    nomination.award = award
    _jury_award(request, pk, perm, award=award)
    return award, nomination


@never_cache  # scores and private comments
def jury(request, pk: int):
    award = _jury_award(request, pk)
    user = request.user
    return render(
        request,
        "recognition/jury.html",
        {
            "award": award,
            "phase": award.phase(),
            "rows": selectors.jury_table(award=award, user=user),
            "jury": selectors.jurors(award=award),
            "winners": selectors.winners_of(award=award),
            "may_score": user.has_perm("recognition.score", award)
            and award.announced_at is None,
            "may_decide": user.has_perm("recognition.decide", award)
            and award.phase() == Phase.DELIBERATING,
            "score_form": ScoreForm(),
            "winner_form": WinnerForm(),
        },
    )


@require_POST
def score(request, pk: int, nomination_pk: int):
    award, nomination = _nomination(request, pk, nomination_pk, "recognition.score")
    form = ScoreForm(request.POST)
    if form.is_valid():
        try:
            services.score_give(
                nomination=nomination,
                juror=request.user,
                stars=form.cleaned_data["stars"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            access.error_messages(request, error)
        else:
            messages.success(request, _("Din bedømmelse er gemt."))
    else:
        messages.error(request, _("Giv mellem 0 og 3 stjerner."))
    return redirect(tenant_reverse("recognition:jury", request.municipality, pk=pk))


@require_POST
def winner_record(request, pk: int, nomination_pk: int):
    award, nomination = _nomination(request, pk, nomination_pk, "recognition.decide")
    form = WinnerForm(request.POST)
    if form.is_valid():
        try:
            services.winner_record(
                award=award,
                actor=request.user,
                nomination=nomination,
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as error:
            access.error_messages(request, error)
        else:
            messages.success(request, _("Vinderen er valgt."))
    else:
        messages.error(request, _("Skriv en motivation for valget af vinderen."))
    return redirect(tenant_reverse("recognition:jury", request.municipality, pk=pk))


@require_POST
def winner_remove(request, pk: int, winner_pk: int):
    award = _award(request, pk)
    winner = child_or_404(request, award.winners.all(), pk=winner_pk)
    winner.award = award
    _jury_award(request, pk, "recognition.decide", award=award)
    try:
        services.winner_remove(winner=winner, actor=request.user)
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(request, _("Vinderen er fjernet igen."))
    return redirect(tenant_reverse("recognition:jury", request.municipality, pk=pk))


@require_POST
def announce(request, pk: int):
    award = _jury_award(request, pk, "recognition.decide")
    try:
        services.award_announce(award=award, actor=request.user)
    except ValidationError as error:
        access.error_messages(request, error)
        return redirect(tenant_reverse("recognition:jury", request.municipality, pk=pk))
    messages.success(
        request,
        _("Prisen er uddelt. Vinderne bliver nævnt, når de har sagt ja."),
    )
    return redirect(award.get_absolute_url())
