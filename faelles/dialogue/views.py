"""Hearing pages: parse, check permission through core/access.py, call one
service or selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.files import document_response
from faelles.core.params import parse_id
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import theme_key, theme_options

from . import selectors, services
from .forms import (
    AnswerForm,
    AppealDecisionForm,
    AppealForm,
    AttachmentForm,
    CommentForm,
    HearingForm,
    HideForm,
    ReactionForm,
    ReportForm,
)
from .models import AgeBand, Appeal, Comment, Hearing, Paragraph, Participant

VIEW = "dialogue.view_hearing"


def _hearing(request, pk: int, perm: str | None = None) -> Hearing:
    return access.get_or_404(
        request,
        Hearing.objects.select_related("theme", "focus_area"),
        pk=pk,
        view=VIEW,
        perm=perm,
    )


def _comment(hearing: Hearing, comment_pk: int) -> Comment:
    found = (
        Comment.objects.filter(hearing=hearing, pk=comment_pk)
        .select_related("author")
        .first()
    )
    if found is None:
        raise Http404
    found.hearing = hearing
    return found


def _at(hearing: Hearing, comment_pk: int | None = None, anchor: str = ""):
    url = hearing.get_absolute_url()
    if comment_pk is not None:
        return redirect(f"{url}#kommentar-{comment_pk}")
    return redirect(f"{url}#{anchor}" if anchor else url)


# --- hearings -------------------------------------------------------------------


def hearing_list(request):
    can_create = request.user.has_perm("dialogue.create_hearing", request.municipality)
    theme = theme_key(request.GET.get("theme"))
    page = selectors.hearing_list(
        municipality=request.municipality,
        user=request.user,
        include_unannounced=can_create,
        after=request.GET.get("efter"),
        theme=theme,
    )
    can_moderate = request.user.has_perm("dialogue.moderate", request.municipality)
    return render(
        request,
        "dialogue/hearing_list.html",
        {
            "page": page,
            "can_create": can_create,
            "can_moderate": can_moderate,
            "theme": theme,
            "themes": theme_options(request.municipality),
        },
    )


def hearing_create(request):
    access.require_perm(request, "dialogue.create_hearing")
    form = HearingForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        draft = data.pop("draft", "")
        try:
            hearing = services.hearing_create(
                municipality=request.municipality,
                actor=request.user,
                draft=draft,
                **data,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Høringen er oprettet."))
            return redirect(hearing.get_absolute_url())
    return render(
        request, "dialogue/hearing_form.html", {"form": form, "hearing": None}
    )


def hearing_update(request, pk: int):
    hearing = _hearing(request, pk, perm="dialogue.change_hearing")
    locked = not request.user.has_perm("dialogue.change_draft", hearing)
    form = HearingForm(
        request.POST or None,
        instance=hearing,
        municipality=request.municipality,
        draft_locked=locked,
        initial={"draft": services.draft_text(hearing)},
    )
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        draft = data.pop("draft", None)
        try:
            services.hearing_update(
                hearing=hearing,
                actor=request.user,
                data=data,
                draft=None if locked else draft,
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Høringen er gemt."))
            return redirect(hearing.get_absolute_url())
    return render(
        request, "dialogue/hearing_form.html", {"form": form, "hearing": hearing}
    )


def hearing_detail(request, pk: int):
    hearing = _hearing(request, pk)
    user = request.user
    is_staff = user.has_perm("dialogue.change_hearing", hearing)
    context = selectors.hearing_page(
        hearing=hearing,
        user=user,
        show_draft_answer=is_staff,
        after=request.GET.get("efter"),
    )
    can_comment = user.has_perm("dialogue.comment", hearing)
    first_time = (
        can_comment
        and not Participant.objects.filter(hearing=hearing, user=user).exists()
    )
    context.update(
        hearing=hearing,
        phase=hearing.current_phase,
        can_comment=can_comment,
        first_time=first_time,
        age_bands=AgeBand.choices,
        can_react=user.has_perm("dialogue.react", hearing),
        can_report=user.has_perm("dialogue.report", hearing),
        can_moderate=user.has_perm("dialogue.moderate", hearing),
        can_change=is_staff,
        committee=hearing.committee
        if hearing.committee_id
        and user.has_perm("committees.view_committee", hearing.committee)
        else None,
        # Follow-up of a committee's recommendation that this hearing carries
        # out (the action's page links back), as far as the reader may see it.
        carried_actions=[
            action
            for action in hearing.follow_up_actions.select_related(
                "recommendation__committee"
            ).order_by("due_date", "pk")
            if user.has_perm(
                "committees.view_committee", action.recommendation.committee
            )
        ],
        can_answer=user.has_perm("dialogue.answer", hearing),
        can_attach=user.has_perm("dialogue.add_attachment", hearing),
        attachment_form=AttachmentForm()
        if user.has_perm("dialogue.add_attachment", hearing)
        else None,
    )
    return render(request, "dialogue/hearing_detail.html", context)


def paragraph_detail(request, pk: int, paragraph_pk: int):
    hearing = _hearing(request, pk)
    paragraph = (
        Paragraph.objects.filter(pk=paragraph_pk, section__hearing=hearing)
        .select_related("section")
        .first()
    )
    if paragraph is None:
        raise Http404
    user = request.user
    can_comment = user.has_perm("dialogue.comment", hearing)
    context = selectors.paragraph_page(
        hearing=hearing, paragraph=paragraph, user=user, after=request.GET.get("efter")
    )
    context.update(
        hearing=hearing,
        paragraph=paragraph,
        can_comment=can_comment,
        first_time=can_comment
        and not Participant.objects.filter(hearing=hearing, user=user).exists(),
        age_bands=AgeBand.choices,
        can_react=user.has_perm("dialogue.react", hearing),
        can_report=user.has_perm("dialogue.report", hearing),
        can_moderate=user.has_perm("dialogue.moderate", hearing),
    )
    return render(request, "dialogue/paragraph_detail.html", context)


@require_POST
def attachment_add(request, pk: int):
    hearing = _hearing(request, pk, perm="dialogue.add_attachment")
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        access.act(
            request,
            lambda: services.attachment_add(
                hearing=hearing,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            ),
            done=_("Bilaget er tilføjet."),
        )
    else:
        messages.error(request, _("Vælg en fil."))
    return _at(hearing, anchor="bilag")


def attachment_download(request, pk: int, attachment_pk: int):
    hearing = _hearing(request, pk)
    attachment = hearing.attachments.filter(pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    return document_response(attachment.file, content_type=attachment.content_type)


# --- taking part ------------------------------------------------------------------


@require_POST
def comment(request, pk: int):
    hearing = _hearing(request, pk, perm="dialogue.comment")
    form = CommentForm(request.POST)
    if not form.is_valid():
        access.form_error_messages(request, form)
        return _at(hearing, anchor="kommentarer")
    data = form.cleaned_data
    paragraph = parent = None
    if data["paragraph"]:
        paragraph_id = parse_id(str(data["paragraph"]))
        if paragraph_id is not None:
            paragraph = Paragraph.objects.filter(
                pk=paragraph_id, section__hearing=hearing
            ).first()
        if paragraph is None:
            raise Http404
    if data["parent"]:
        parent_id = parse_id(str(data["parent"]))
        if parent_id is not None:
            parent = Comment.objects.filter(pk=parent_id, hearing=hearing).first()
        if parent is None:
            raise Http404
    # Area and age are asked the first time only; a later comment keeps them.
    asked = "age_band" in request.POST
    try:
        created = services.comment_create(
            hearing=hearing,
            author=request.user,
            body=data["body"],
            paragraph=paragraph,
            parent=parent,
            postcode=data["postcode"] if asked else None,
            age_band=data["age_band"] if asked else None,
        )
    except ValidationError as error:
        access.error_messages(request, error)
        return _at(hearing, anchor="kommentarer")
    messages.success(request, _("Din kommentar er tilføjet."))
    root = created.parent
    if (
        root is not None
        and root.paragraph_id
        and Comment.objects.filter(
            paragraph_id=root.paragraph_id, parent__isnull=True, pk__gt=root.pk
        ).count()
        >= selectors.THREADS_PER_PARAGRAPH
    ):
        # An older thread than the hearing's page shows: its paragraph's page.
        url = tenant_reverse(
            "dialogue:paragraph",
            request.municipality,
            pk=hearing.pk,
            paragraph_pk=root.paragraph_id,
        )
        return redirect(f"{url}#kommentar-{created.pk}")
    return _at(hearing, created.pk)


@require_POST
def react(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.react")
    target = _comment(hearing, comment_pk)
    form = ReactionForm(request.POST)
    if form.is_valid():
        try:
            services.reaction_set(
                comment=target, user=request.user, kind=form.cleaned_data["kind"]
            )
        except ValidationError as error:
            access.error_messages(request, error)
    if request.htmx:
        return render(
            request,
            "dialogue/partials/_reactions.html",
            {
                "hearing": hearing,
                "c": selectors.comment_reactions(comment=target, user=request.user),
                "can_react": True,
            },
        )
    return _at(hearing, target.pk)


def _comment_action(request, hearing, target, form, *, act, done, heading, submit):
    """A form about one comment (report, hide, appeal): ``act`` calls the service
    with the form's data; done, back to the comment with ``done`` as message."""
    if request.method == "POST" and form.is_valid():
        try:
            act(form.cleaned_data)
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, done)
            return _at(hearing, target.pk)
    return render(
        request,
        "dialogue/comment_action.html",
        {
            "hearing": hearing,
            "comment": target,
            "form": form,
            "heading": heading,
            "submit": submit,
        },
    )


def report(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.report")
    target = _comment(hearing, comment_pk)
    return _comment_action(
        request,
        hearing,
        target,
        ReportForm(request.POST or None),
        act=lambda data: services.comment_report(
            comment=target, reporter=request.user, reason=data["reason"]
        ),
        done=_("Tak. En moderator ser på kommentaren snarest."),
        heading=_("Anmeld en kommentar"),
        submit=_("Send anmeldelsen"),
    )


def hide(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.moderate")
    target = _comment(hearing, comment_pk)
    return _comment_action(
        request,
        hearing,
        target,
        HideForm(request.POST or None),
        act=lambda data: services.comment_hide(
            comment=target, moderator=request.user, reason=data["reason"]
        ),
        done=_("Kommentaren er skjult."),
        heading=_("Skjul en kommentar"),
        submit=_("Skjul kommentaren"),
    )


@require_POST
def restore(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.moderate")
    target = _comment(hearing, comment_pk)
    access.act(
        request,
        lambda: services.comment_restore(comment=target, moderator=request.user),
        done=_("Kommentaren vises igen."),
    )
    return _at(hearing, target.pk)


@require_POST
def dismiss_reports(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.moderate")
    target = _comment(hearing, comment_pk)
    services.comment_dismiss_reports(comment=target, moderator=request.user)
    messages.success(request, _("Anmeldelserne er afvist; kommentaren bliver stående."))
    return redirect(tenant_reverse("dialogue:moderation", request.municipality))


def appeal(request, pk: int, comment_pk: int):
    hearing = _hearing(request, pk)
    target = _comment(hearing, comment_pk)
    access.require_perm(request, "dialogue.appeal", target)
    return _comment_action(
        request,
        hearing,
        target,
        AppealForm(request.POST or None),
        act=lambda data: services.appeal_create(
            comment=target, author=request.user, text=data["text"]
        ),
        done=_("Din klage er sendt. En moderator svarer dig."),
        heading=_("Klag over en skjult kommentar"),
        submit=_("Send klagen"),
    )


def appeal_decide(request, pk: int, appeal_pk: int):
    hearing = _hearing(request, pk, perm="dialogue.moderate")
    found = (
        Appeal.objects.filter(pk=appeal_pk, comment__hearing=hearing)
        .select_related("comment", "comment__author", "author")
        .first()
    )
    if found is None:
        raise Http404
    form = AppealDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.appeal_decide(
                appeal=found,
                moderator=request.user,
                restore=form.cleaned_data["restore"],
                decision=form.cleaned_data["decision"],
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Klagen er afgjort."))
            return redirect(tenant_reverse("dialogue:moderation", request.municipality))
    return render(
        request,
        "dialogue/appeal_decide.html",
        {"hearing": hearing, "appeal": found, "form": form},
    )


def moderation(request):
    access.require_perm(request, "dialogue.moderate")
    return render(
        request,
        "dialogue/moderation.html",
        selectors.moderation_queue(municipality=request.municipality),
    )


# --- the municipality's answer ------------------------------------------------------


def answer(request, pk: int):
    hearing = _hearing(request, pk, perm="dialogue.answer")
    existing = getattr(hearing, "answer", None)
    initial = (
        {
            "heard": existing.heard,
            "changed": existing.changed,
            "not_changed": existing.not_changed,
        }
        if existing is not None
        else None
    )
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_save(
                hearing=hearing, actor=request.user, **form.cleaned_data
            )
            if "publish" in request.POST:
                services.answer_publish(hearing=hearing, actor=request.user)
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            if "publish" in request.POST:
                messages.success(
                    request,
                    _("Svaret er offentliggjort, og alle der deltog har fået besked."),
                )
                return _at(hearing, anchor="svar")
            messages.success(request, _("Svaret er gemt som kladde."))
            return redirect(
                tenant_reverse("dialogue:answer", request.municipality, pk=hearing.pk)
            )
    return render(
        request, "dialogue/answer_form.html", {"hearing": hearing, "form": form}
    )
