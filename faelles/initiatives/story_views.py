"""Good stories: writing, photos with recorded consent, publishing, Atom feed, newspaper."""

import mimetypes
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from faelles.core import access
from faelles.core.params import search_words
from faelles.municipalities.tenancy import tenant_reverse

from . import selectors, services
from .forms import ConsentForm, NewspaperForm, StoryForm, StoryPhotoForm
from .library_views import library_readable, require_library
from .models import Initiative, Story
from .newspaper import cached_pdf, newspaper_html
from .tasks import build_newspaper

STORIES = Story.objects.select_related("initiative", "community", "author")


def story_photo(request, pk: int, photo_pk: int):
    """A story's photo, to those who may read the story (photos are private files)."""
    story = access.get_or_404(request, STORIES, pk=pk, view="initiatives.view_story")
    photo = story.photos.filter(pk=photo_pk).first()
    if photo is None or not photo.image:
        raise Http404
    try:
        handle = photo.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = mimetypes.guess_type(photo.image.name)[0] or "image/jpeg"
    response = FileResponse(handle, content_type=kind)
    response["X-Content-Type-Options"] = "nosniff"
    # Published photos of public stories may be cached by the browser, not shared.
    response["Cache-Control"] = "private, max-age=3600"
    return response


def story_list(request):
    stories = selectors.published_stories(
        municipality=request.municipality, user=request.user
    )[:50]
    drafts = []
    if request.user.has_perm("initiatives.publish_story", request.municipality):
        drafts = (
            Story.objects.for_municipality(request.municipality)
            .filter(published_at__isnull=True)
            .visible_to(request.user, request.municipality)
            .select_related("initiative", "community")
            .order_by("-id")[:50]
        )
    return render(
        request,
        "initiatives/story_list.html",
        {
            "stories": stories,
            "drafts": drafts,
            "newspaper_allowed": library_readable(request),
        },
    )


def story_detail(request, pk: int):
    story = access.get_or_404(request, STORIES, pk=pk, view="initiatives.view_story")
    return render(
        request,
        "initiatives/story_detail.html",
        {
            "story": story,
            "photos": story.photos.prefetch_related("consents"),
            "can_edit": request.user.has_perm("initiatives.edit_story", story),
            "can_publish": story.published_at is None
            and request.user.has_perm("initiatives.publish_story", story),
        },
    )


def _story_form_page(request, *, subject, back_url, **about):
    # A title may be suggested in the address (?titel=…), e.g. by the
    # celebration page's "Skriv en god historie" about an award's winner.
    title = search_words(request.GET.get("titel"), length=160)
    form = StoryForm(request.POST or None, initial={"title": title} if title else None)
    if request.method == "POST" and form.is_valid():
        story = services.story_create(
            author=request.user,
            municipality=request.municipality,
            **about,
            **form.cleaned_data,
        )
        messages.success(
            request,
            _("Historien er gemt som kladde. Tilføj fotos og samtykker, og udgiv den."),
        )
        return redirect(story.get_absolute_url())
    return render(
        request,
        "initiatives/story_form.html",
        {"subject": subject, "back_url": back_url, "form": form},
    )


def story_create(request, pk: int):
    initiative = access.get_or_404(request, Initiative, pk=pk)
    access.require_perm(request, "initiatives.write_story", initiative)
    return _story_form_page(
        request,
        subject=initiative.title,
        back_url=initiative.get_absolute_url(),
        initiative=initiative,
    )


def story_create_for_community(request, community_pk: int):
    from faelles.communities.models import Community

    community = access.get_or_404(request, Community, pk=community_pk)
    access.require_perm(request, "initiatives.write_story", community)
    return _story_form_page(
        request,
        subject=community.name,
        back_url=community.get_absolute_url(),
        community=community,
    )


def story_create_for_collaboration(request, collaboration_pk: int):
    from faelles.resources.models import Collaboration

    collaboration = access.get_or_404(request, Collaboration, pk=collaboration_pk)
    access.require_perm(request, "initiatives.write_story", collaboration)
    return _story_form_page(
        request,
        subject=_("Et samarbejde mellem en ressource og et behov"),
        back_url=collaboration.get_absolute_url(),
        collaboration=collaboration,
    )


def story_update(request, pk: int):
    story = access.get_or_404(
        request,
        STORIES,
        pk=pk,
        view="initiatives.view_story",
        perm="initiatives.edit_story",
    )
    form = StoryForm(request.POST or None, instance=story)
    if request.method == "POST" and form.is_valid():
        services.story_update(story=story, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Historien er gemt."))
        return redirect(story.get_absolute_url())
    return render(
        request,
        "initiatives/story_form.html",
        {
            "subject": story.subject_title,
            "back_url": story.get_absolute_url(),
            "form": form,
            "story": story,
        },
    )


def story_photo_add(request, pk: int):
    story = access.get_or_404(
        request,
        STORIES,
        pk=pk,
        view="initiatives.view_story",
        perm="initiatives.edit_story",
    )
    form = StoryPhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.story_photo_add(
                story=story,
                actor=request.user,
                image=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                shows_people=form.cleaned_data["shows_people"],
            )
        except ValidationError as error:
            access.form_errors(form, error, field="image")
        else:
            messages.success(request, _("Fotoet er tilføjet."))
            return redirect(story.get_absolute_url())
    return render(
        request, "initiatives/story_photo_form.html", {"story": story, "form": form}
    )


def consent_add(request, pk: int, photo_pk: int):
    story = access.get_or_404(request, STORIES, pk=pk, view="initiatives.view_story")
    photo = story.photos.filter(pk=photo_pk).first()
    if photo is None:
        raise Http404
    access.require_perm(request, "initiatives.edit_story", story)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_record(
                photo=photo, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            access.form_errors(form, error)
        else:
            messages.success(request, _("Samtykket er registreret."))
            return redirect(story.get_absolute_url())
    return render(
        request,
        "initiatives/consent_form.html",
        {"story": story, "photo": photo, "form": form},
    )


@require_POST
def story_publish(request, pk: int):
    story = access.get_or_404(
        request,
        STORIES,
        pk=pk,
        view="initiatives.view_story",
        perm="initiatives.publish_story",
    )
    try:
        services.story_publish(story=story, actor=request.user)
    except ValidationError as error:
        access.error_messages(request, error)
    else:
        messages.success(request, _("Historien er udgivet."))
    return redirect(story.get_absolute_url())


class StoryFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request.municipality

    def title(self, municipality):
        return _("Gode historier fra %(programme)s") % {
            "programme": municipality.programme_name
        }

    def subtitle(self, municipality):
        return municipality.name

    def link(self, municipality):
        return tenant_reverse("initiatives:stories", municipality)

    def items(self, municipality):
        return selectors.published_stories(
            municipality=municipality, user=AnonymousUser()
        )[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_link(self, item):
        return item.get_absolute_url()


def newspaper(request):
    require_library(request)
    today = timezone.localdate()
    if "start" in request.GET:
        form = NewspaperForm(request.GET)
    else:
        form = NewspaperForm(
            initial={"start": today - timedelta(days=90), "end": today}
        )
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        content = selectors.newspaper_content(
            municipality=request.municipality, start=start, end=end
        )
        html = newspaper_html(
            municipality=request.municipality, start=start, end=end, **content
        )
        pdf = cached_pdf(html)
        if pdf is None:
            # Laying out takes seconds: a background task does it, and this page
            # reloads itself until the edition is ready.
            build_newspaper.enqueue(
                request.municipality.pk,
                start.isoformat(),
                end.isoformat(),
                get_language(),
            )
            pdf = cached_pdf(html)  # the immediate backend (tests) has made it
        if pdf is None:
            return render(
                request,
                "initiatives/newspaper_pending.html",
                {"start": start, "end": end},
                status=202,
            )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'inline; filename="faellesskabsavis-{request.municipality.slug}-'
            f'{start:%Y%m%d}-{end:%Y%m%d}.pdf"'
        )
        return response
    return render(request, "initiatives/newspaper_form.html", {"form": form})
