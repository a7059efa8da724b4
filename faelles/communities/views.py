from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.files import document_response
from faelles.core.params import parse_id
from faelles.municipalities.tenancy import tenant_reverse
from faelles.municipalities.themes import themes_version

from . import selectors, services
from .forms import (
    CommunityForm,
    CommunitySearchForm,
    ContactForm,
    FileForm,
    JoinForm,
    PersonByEmailForm,
    PostForm,
    ReferralForm,
)
from .models import Community, CommunityMember


def community_list(request):
    form = CommunitySearchForm(request.GET or None, municipality=request.municipality)
    filters = form.cleaned_data if form.is_valid() else {}
    page = selectors.community_search(
        municipality=request.municipality,
        user=request.user,
        query=(filters.get("q") or "").strip(),
        theme=filters.get("theme") or "",
        age_group=filters.get("age_group") or "",
        life_situation=filters.get("life_situation") or "",
        area=(filters.get("area") or "").strip(),
        after=request.GET.get("efter"),
    )
    context = {
        "form": form,
        "page": page,
        # The municipality's own themes are in the form: they key its cache.
        "themes_version": themes_version(request.municipality),
    }
    if request.htmx:
        return render(request, "communities/partials/_results.html", context)
    return render(request, "communities/community_list.html", context)


@login_required
def my_communities(request):
    return render(
        request,
        "communities/community_mine.html",
        {
            "memberships": selectors.communities_of(
                municipality=request.municipality, user=request.user
            ),
            "referrals": selectors.pending_referrals_for(
                municipality=request.municipality, user=request.user
            ),
        },
    )


@login_required
def community_create(request):
    access.require_perm(request, "communities.create_community")
    form = CommunityForm(
        request.POST or None,
        municipality=request.municipality,
        staff=request.user.has_perm(
            "communities.make_staff_only", request.municipality
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            community = services.community_create(
                municipality=request.municipality,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Fællesskabet er oprettet. Du er vært."))
            return redirect(community.get_absolute_url())
    return render(
        request, "communities/community_form.html", {"form": form, "creating": True}
    )


def community_detail(request, pk: int):
    community = access.get_or_404(
        request, Community.objects.select_related("theme", "focus_area"), pk=pk
    )
    user = request.user
    membership = selectors.community_membership(community=community, user=user)
    is_active = bool(membership and membership.status == "active")
    can_manage = user.has_perm("communities.manage_members", community)
    can_view_board = user.has_perm("communities.view_board", community)
    hosts = [
        m.user
        for m in community.members.filter(is_host=True).select_related("user")[:10]
    ]
    context = {
        "community": community,
        "membership": membership,
        "is_active_member": is_active,
        "hosts": hosts,
        "can_manage": can_manage,
        "can_join": user.has_perm("communities.join", community),
        "can_contact": user.has_perm("communities.contact_hosts", community)
        and not is_active,
        "can_view_board": can_view_board,
        "can_post": user.has_perm("communities.post", community),
        "can_download": user.has_perm("communities.download_file", community),
        "can_upload": user.has_perm("communities.upload_file", community),
        "can_refer": user.has_perm("communities.refer", community),
        "can_write_story": user.has_perm("initiatives.write_story", community),
        "join_form": JoinForm(),
        "contact_form": ContactForm(auto_id="contact_%s"),
        "post_form": PostForm(),
        "file_form": FileForm(),
        "invite_form": PersonByEmailForm(municipality=request.municipality),
        "posts": community.posts.select_related("author")[:20]
        if can_view_board
        else [],
        "files": community.files.all()[:50],
        "requests": selectors.pending_requests(community=community)
        if can_manage
        else [],
        "members": community.members.filter(status="active").select_related("user")[
            :100
        ]
        if can_manage
        else [],
        "events": community.events.filter(
            status="published", ends_at__gte=timezone.now()
        )
        .visible_to(user, request.municipality)
        .order_by("starts_at")[:5],
        "has_referral": bool(
            user.is_authenticated
            and community.referrals.filter(citizen=user, status="pending").exists()
        ),
    }
    return render(request, "communities/community_detail.html", context)


def community_edit(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.change_community"
    )
    form = CommunityForm(
        request.POST or None,
        instance=Community.objects.get(pk=community.pk),
        municipality=request.municipality,
        staff=request.user.has_perm(
            "communities.make_staff_only", request.municipality
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.community_update(
                community=community, actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Ændringerne er gemt."))
            return redirect(community.get_absolute_url())
    return render(
        request,
        "communities/community_form.html",
        {"form": form, "community": community},
    )


@require_POST
def community_join(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    access.require_login(request, next_url=community.get_absolute_url())
    membership = selectors.community_membership(community=community, user=request.user)
    invited = membership and membership.status == CommunityMember.Status.INVITED
    if not invited and not request.user.has_perm("communities.join", community):
        raise PermissionDenied
    form = JoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    membership = services.community_join(
        community=community, user=request.user, message=message
    )
    if membership.status == CommunityMember.Status.ACTIVE:
        messages.success(
            request, _("Velkommen! Du er nu medlem af %(name)s.") % {"name": community}
        )
    else:
        messages.success(
            request,
            _("Din anmodning er sendt. Værterne giver dig besked, når de har svaret."),
        )
    return redirect(community.get_absolute_url())


@require_POST
def community_leave(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    access.require_login(request, next_url=community.get_absolute_url())
    try:
        services.community_leave(community=community, user=request.user)
    except ValidationError as exc:
        access.error_messages(request, exc)
    else:
        messages.success(request, _("Du er ikke længere med i fællesskabet."))
    return redirect(community.get_absolute_url())


@require_POST
def community_contact(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.contact_hosts"
    )
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.contact_hosts(
                community=community,
                sender=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Din besked er sendt til værterne."))
    else:
        messages.error(request, _("Skriv en besked på højst 2000 tegn."))
    return redirect(community.get_absolute_url())


@require_POST
def community_decide(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.manage_members"
    )
    user_id = parse_id(request.POST.get("user"))
    if user_id is None:
        messages.error(request, _("Vælg en anmodning."))
        return redirect(community.get_absolute_url())
    try:
        services.membership_decide(
            community=community,
            actor=request.user,
            user_id=user_id,
            approve=request.POST.get("decision") == "approve",
        )
    except ValidationError as exc:
        access.error_messages(request, exc)
    else:
        messages.success(request, _("Svaret er sendt."))
    return redirect(community.get_absolute_url())


@require_POST
def community_invite(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.manage_members"
    )
    form = PersonByEmailForm(request.POST, municipality=request.municipality)
    if form.is_valid():
        services.member_invite(community=community, actor=request.user, user=form.user)
        messages.success(request, _("Invitationen er sendt."))
    else:
        access.form_error_messages(request, form, field="email")
    return redirect(community.get_absolute_url())


@require_POST
def community_host(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.manage_members"
    )
    user_id = parse_id(request.POST.get("user"))
    if user_id is None:
        raise Http404
    try:
        services.host_set(
            community=community,
            actor=request.user,
            user_id=user_id,
            is_host=request.POST.get("host") == "1",
        )
    except ValidationError as exc:
        access.error_messages(request, exc)
    else:
        messages.success(request, _("Værterne er opdateret."))
    return redirect(community.get_absolute_url())


@require_POST
def post_create(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk, perm="communities.post")
    form = PostForm(request.POST)
    if form.is_valid():
        services.post_create(
            community=community, author=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Dit opslag er på tavlen."))
    else:
        messages.error(request, _("Skriv et opslag på højst 4000 tegn."))
    return redirect(community.get_absolute_url() + "#tavle")


@require_POST
def post_delete(request, pk: int, post_pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    post = community.posts.filter(pk=post_pk).first()
    if post is None:
        raise Http404
    access.require_login(request, next_url=community.get_absolute_url())
    if not (
        post.author_id == request.user.pk
        or request.user.has_perm("communities.delete_post", community)
    ):
        raise PermissionDenied
    services.post_delete(post=post, actor=request.user)
    messages.success(request, _("Opslaget er slettet."))
    return redirect(community.get_absolute_url() + "#tavle")


@require_POST
def file_upload(request, pk: int):
    community = access.get_or_404(
        request, Community, pk=pk, perm="communities.upload_file"
    )
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.file_upload(
                community=community,
                actor=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(request, _("Filen er delt med fællesskabet."))
    else:
        messages.error(request, _("Vælg en fil."))
    return redirect(community.get_absolute_url() + "#filer")


def file_download(request, pk: int, file_pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    shared = community.files.filter(pk=file_pk).first()
    if shared is None:
        raise Http404
    access.require_perm(request, "communities.download_file", community)
    return document_response(shared.file, content_type=shared.content_type)


def referral_create(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk, perm="communities.refer")
    form = ReferralForm(request.POST or None, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_create(
                community=community,
                actor=request.user,
                citizen=form.user,
                note=form.cleaned_data["note"],
                consent=form.cleaned_data["consent"],
            )
        except ValidationError as exc:
            access.error_messages(request, exc)
        else:
            messages.success(
                request,
                _("Henvisningen er sendt. Du kan følge den under Mine henvisninger."),
            )
            return redirect(
                tenant_reverse("communities:referrals", request.municipality)
            )
    return render(
        request,
        "communities/referral_form.html",
        {"form": form, "community": community},
    )


@login_required
def referral_list(request):
    access.require_perm(request, "communities.refer")
    return render(
        request,
        "communities/referral_list.html",
        {
            "referrals": selectors.referrals_by(
                municipality=request.municipality, employee=request.user
            )[:200]
        },
    )


@require_POST
def referral_decline(request, pk: int):
    community = access.get_or_404(request, Community, pk=pk)
    access.require_login(request, next_url=community.get_absolute_url())
    if services.referral_decline(community=community, user=request.user):
        messages.info(request, _("Tak for svaret. Vi har givet besked videre."))
    return redirect(community.get_absolute_url())
