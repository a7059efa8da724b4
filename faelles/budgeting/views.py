from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from faelles.accounts.oidc import login_url as mitid_login_url
from faelles.accounts.selectors import verified_identity_of
from faelles.core import access
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import theme_key, theme_options

from . import services
from .forms import (
    BallotForm,
    ImportForm,
    PhaseForm,
    ProjectUpdateForm,
    ProposalForm,
    ReviewForm,
    RoundForm,
)
from .models import (
    BudgetRound,
    ImportStatus,
    PabulibImport,
    Project,
    ReviewStatus,
)
from .phases import ROUND_PHASES
from .selectors import (
    has_voted,
    open_rounds,
    own_ballot,
    projects_in_progress,
    results_context,
    round_list,
    round_projects,
    round_turnout,
)


def round_list_view(request):
    rounds = list(round_list(municipality=request.municipality, viewer=request.user))
    return render(
        request,
        "budgeting/round_list.html",
        {
            "rounds": rounds,
            "in_progress": projects_in_progress(municipality=request.municipality),
            "can_create": request.user.has_perm(
                "budgeting.create_round", request.municipality
            ),
            "can_import": request.user.has_perm(
                "budgeting.import_round", request.municipality
            ),
        },
    )


def round_detail(request, pk: int):
    budget_round = access.get_or_404(
        request, BudgetRound, pk=pk, view="budgeting.view_round"
    )
    theme = theme_key(request.GET.get("theme"))
    projects = round_projects(
        municipality=request.municipality,
        budget_round=budget_round,
        viewer=request.user,
        theme=theme,
    )
    on_ballot = [p for p in projects if p.review_status == ReviewStatus.APPROVED]
    if budget_round.has_results:
        on_ballot.sort(key=lambda p: not p.is_funded)  # funded first, then by title
    rejected = [p for p in projects if p.review_status == ReviewStatus.REJECTED]
    pending = [p for p in projects if p.review_status == ReviewStatus.PENDING]
    can_change = request.user.has_perm("budgeting.change_round", budget_round)
    next_phase = ROUND_PHASES.next(budget_round) if can_change else None
    reached = ROUND_PHASES.index(budget_round.phase)
    return render(
        request,
        "budgeting/round_detail.html",
        {
            "round": budget_round,
            "on_ballot": on_ballot,
            "rejected": rejected,
            "pending": pending,
            "theme": theme,
            "themes": theme_options(request.municipality),
            "phases": [(p, i <= reached) for i, p in enumerate(ROUND_PHASES)],
            "can_change": can_change,
            "next_phase": next_phase,
            "can_propose": request.user.has_perm(
                "budgeting.propose_project", budget_round
            ),
            "can_vote": budget_round.voting_open(),
            "can_paper": request.user.has_perm(
                "budgeting.enter_paper_ballot", budget_round
            ),
            "can_review": request.user.has_perm(
                "budgeting.review_project", budget_round
            ),
            "can_export": request.user.has_perm("budgeting.export_round", budget_round),
            "has_voted": has_voted(budget_round=budget_round, user=request.user),
            "turnout": round_turnout(budget_round=budget_round)
            if can_change or budget_round.has_results
            else None,
        },
    )


def round_create(request):
    access.require_perm(request, "budgeting.create_round")
    form = RoundForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            budget_round = services.round_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Borgerbudgettet er oprettet."))
            return redirect(budget_round.get_absolute_url())
    return render(request, "budgeting/round_form.html", {"form": form})


def round_edit(request, pk: int):
    budget_round = access.get_or_404(
        request,
        BudgetRound,
        pk=pk,
        view="budgeting.view_round",
        perm="budgeting.change_round",
    )
    form = RoundForm(
        request.POST if request.method == "POST" else None,
        instance=BudgetRound.objects.get(pk=budget_round.pk),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.round_update(
                budget_round=budget_round, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(budget_round.get_absolute_url())
    return render(
        request, "budgeting/round_form.html", {"form": form, "round": budget_round}
    )


@require_POST
def round_phase(request, pk: int):
    budget_round = access.get_or_404(
        request,
        BudgetRound,
        pk=pk,
        view="budgeting.view_round",
        perm="budgeting.change_round",
    )
    form = PhaseForm(request.POST)
    if form.is_valid():
        access.act(
            request,
            lambda: services.round_set_phase(
                budget_round=budget_round,
                actor=request.user,
                phase=form.cleaned_data["phase"],
            ),
            done=_("Fasen er skiftet."),
        )
    return redirect(budget_round.get_absolute_url())


def project_propose(request, pk: int):
    budget_round = access.get_or_404(
        request, BudgetRound, pk=pk, view="budgeting.view_round"
    )
    access.require_login(request)
    if not request.user.has_perm("budgeting.propose_project", budget_round):
        messages.error(
            request, _("Der kan ikke stilles forslag til dette borgerbudget nu.")
        )
        return redirect(budget_round.get_absolute_url())
    form = ProposalForm(
        request.POST if request.method == "POST" else None,
        request.FILES or None,
        municipality=request.municipality,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_propose(
                budget_round=budget_round,
                actor=request.user,
                title=data["title"],
                description=data["description"],
                cost=data["cost"],
                area=data["area"],
                theme=data["theme"],
                focus_area=data["focus_area"],
                image=data.get("image"),
                image_alt=data.get("image_alt", ""),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Tak for dit forslag. Medarbejderne vurderer det, før afstemningen."),
            )
            return redirect(project.get_absolute_url())
    return render(
        request, "budgeting/project_form.html", {"form": form, "round": budget_round}
    )


def project_detail(request, pk: int):
    project = access.get_or_404(
        request,
        Project.objects.select_related("round", "theme", "focus_area"),
        pk=pk,
    )
    access.hide_unless(request, "budgeting.view_round", project.round)
    return render(
        request,
        "budgeting/project_detail.html",
        {
            "project": project,
            "round": project.round,
            "images": list(project.images.all()),
            "updates": list(project.updates.all()[:50]),
            "can_review": request.user.has_perm("budgeting.review_project", project)
            and ROUND_PHASES.permits(project.round, "review"),
            "can_update": project.is_funded
            and request.user.has_perm("budgeting.post_update", project),
        },
    )


def project_review(request, pk: int):
    project = access.get_or_404(request, Project.objects.select_related("round"), pk=pk)
    access.hide_unless(request, "budgeting.view_round", project.round)
    access.require_perm(request, "budgeting.review_project", project)
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        instance=Project.objects.get(pk=project.pk),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_review(
                project=project,
                actor=request.user,
                review_status=data["review_status"],
                cost=data["cost"],
                legal_ok=data["legal_ok"],
                practical_ok=data["practical_ok"],
                review_note=data["review_note"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Vurderingen er gemt."))
            return redirect(project.get_absolute_url())
    return render(
        request, "budgeting/project_review.html", {"form": form, "project": project}
    )


def project_update(request, pk: int):
    project = access.get_or_404(request, Project.objects.select_related("round"), pk=pk)
    access.hide_unless(request, "budgeting.view_round", project.round)
    access.require_perm(request, "budgeting.post_update", project)
    if not project.is_funded:
        raise PermissionDenied
    form = ProjectUpdateForm(
        request.POST if request.method == "POST" else None,
        request.FILES or None,
        initial={"status": project.implementation_status},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.project_update_post(
                project=project,
                actor=request.user,
                status=data["status"],
                text=data["text"],
                photo=data.get("photo"),
                photo_alt=data.get("photo_alt", ""),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Opdateringen er offentliggjort."))
            return redirect(project.get_absolute_url())
    return render(
        request, "budgeting/projectupdate_form.html", {"form": form, "project": project}
    )


def ballot(request, pk: int):
    budget_round = access.get_or_404(
        request, BudgetRound, pk=pk, view="budgeting.view_round"
    )
    access.require_login(request)
    projects = [
        p
        for p in round_projects(
            municipality=request.municipality,
            budget_round=budget_round,
            viewer=request.user,
        )
        if p.review_status == ReviewStatus.APPROVED
    ]
    own = own_ballot(budget_round=budget_round, user=request.user)
    existing, existing_drops = own if own is not None else (None, [])
    voted = has_voted(budget_round=budget_round, user=request.user)
    problems = services.voting_access_problems(budget_round, request.user)
    if problems:
        identity = verified_identity_of(request.user)
        return render(
            request,
            "budgeting/ballot_form.html",
            {
                "round": budget_round,
                "problems": problems,
                "voted": voted,
                "projects": projects,
                "form": None,
                # Someone without MitID connects it; someone whose last login was
                # at too low a level logs in again (the same account).
                "verify_url": mitid_login_url(
                    request,
                    process="login" if identity else "connect",
                    next=request.path,
                ),
                "verify_again": identity is not None,
            },
            status=403 if request.method == "POST" else 200,
        )
    initial = BallotForm.initial_from(budget_round, existing or [], existing_drops)
    form = BallotForm(
        request.POST if request.method == "POST" else None,
        budget_round=budget_round,
        projects=projects,
        user=request.user,
        initial=initial,
        # A verified round knows age and residence from MitID: nothing to declare.
        with_eligibility=not budget_round.is_verified,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.ballot_cast(
                budget_round=budget_round,
                user=request.user,
                choices=form.choices(),
                drops=form.drops(),
                birth_year=data.get("birth_year"),
                age_confirmed=data.get("age_confirmed", False),
                postcode=data.get("postcode", ""),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(
                request,
                _("Din stemme er ændret. Kun den nyeste tæller.")
                if existing is not None
                else _("Tak! Din stemme er registreret."),
            )
            return redirect(
                tenant_reverse("budgeting:ballot", request.municipality, pk=pk)
            )
    return render(
        request,
        "budgeting/ballot_form.html",
        {
            "round": budget_round,
            "form": form,
            "projects": projects,
            "existing": existing,
            "voted": voted,
        },
        status=400 if request.method == "POST" else 200,
    )


def paper_ballot(request, pk: int):
    budget_round = access.get_or_404(
        request,
        BudgetRound,
        pk=pk,
        view="budgeting.view_round",
        perm="budgeting.enter_paper_ballot",
    )
    projects = list(budget_round.projects.on_ballot().order_by("title", "id"))
    form = BallotForm(
        request.POST if request.method == "POST" else None,
        budget_round=budget_round,
        projects=projects,
        with_eligibility=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.paper_ballot_enter(
                budget_round=budget_round,
                actor=request.user,
                choices=form.choices(),
                drops=form.drops(),
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Papirstemmesedlen er indtastet."))
            return redirect(
                tenant_reverse("budgeting:paper_ballot", request.municipality, pk=pk)
            )
    return render(
        request,
        "budgeting/ballot_paper.html",
        {
            "round": budget_round,
            "form": form,
            "projects": projects,
            "turnout": round_turnout(budget_round=budget_round, fresh=True),
        },
    )


def results(request, pk: int):
    budget_round = access.get_or_404(
        request, BudgetRound, pk=pk, view="budgeting.view_round"
    )
    access.hide_unless(request, "budgeting.view_results", budget_round)
    if budget_round.results is None:
        services.round_count(budget_round=budget_round)
    projects = {
        p.pk: p
        for p in budget_round.projects.on_ballot().only(
            "id",
            "title",
            "cost",
            "round_id",
            "municipality_id",
            "is_funded",
            "implementation_status",
        )
    }
    return render(
        request,
        "budgeting/round_results.html",
        {"round": budget_round, **results_context(budget_round.results, projects)},
    )


def export(request, pk: int):
    budget_round = access.get_or_404(
        request, BudgetRound, pk=pk, view="budgeting.view_round"
    )
    access.hide_unless(
        request, "budgeting.export_round", budget_round
    )  # no ballot file exists before voting has closed
    from .counting import election_for_round
    from .engine import write_pabulib

    text = write_pabulib(election_for_round(budget_round))
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    name = slugify(f"{request.municipality.slug}-{budget_round.title}")[:80] or "round"
    response["Content-Disposition"] = f'attachment; filename="{name}.pb"'
    return response


def round_import(request):
    access.require_perm(request, "budgeting.import_round")
    form = ImportForm(
        request.POST if request.method == "POST" else None, request.FILES or None
    )
    if request.method == "POST" and form.is_valid():
        job = services.pabulib_import_start(
            municipality=request.municipality,
            actor=request.user,
            text=form.text,
            title=form.cleaned_data["title"],
            file_name=form.cleaned_data["file"].name,
        )
        return redirect(job.get_absolute_url())
    return render(request, "budgeting/round_import.html", {"form": form})


def import_status(request, pk: int):
    """How far a background import has come; polled by htmx, reloaded without JS."""
    access.require_perm(request, "budgeting.import_round")
    job = access.get_or_404(request, PabulibImport, pk=pk)
    if job.status == ImportStatus.DONE and job.budget_round_id:
        results_url = tenant_reverse(
            "budgeting:results", request.municipality, pk=job.budget_round_id
        )
        messages.success(
            request, _("Filen er importeret. Udforsk resultatet herunder.")
        )
        voters = {repair["voter_id"] for repair in job.repairs}
        if voters:
            messages.warning(
                request,
                ngettext(
                    "%(count)s stemmeseddel nævnte det samme projekt flere gange. "
                    "Den er talt, som den er ment: projektet én gang, eller med "
                    "pointene lagt sammen.",
                    "%(count)s stemmesedler nævnte det samme projekt flere gange. "
                    "De er talt, som de er ment: projektet én gang, eller med "
                    "pointene lagt sammen.",
                    len(voters),
                )
                % {"count": len(voters)},
            )
        if request.htmx:
            return HttpResponseClientRedirect(results_url)
        return redirect(results_url)
    context = {"job": job, "form": ImportForm() if job.is_finished else None}
    if request.htmx:
        return render(request, "budgeting/partials/_import_progress.html", context)
    return render(request, "budgeting/import_status.html", context)


def home_context(request):
    """The municipality home page section: open rounds (one query)."""
    if request.municipality is None:
        return None
    rounds = open_rounds(municipality=request.municipality)
    # While a vote is open it is the first thing a resident sees.
    voting = any(r.current_phase.allows("vote") for r in rounds)
    return {"budget_rounds": rounds, "featured": voting}
