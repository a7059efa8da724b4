from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.municipalities.factories import MunicipalityFactory, theme

from .models import Attachment, Comment, Hearing, Paragraph, Section


class HearingFactory(factory.django.DjangoModelFactory):
    """A hearing open for comments now (a week either side)."""

    class Meta:
        model = Hearing

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Høring om lokalplan {n}")
    question = "Hvad synes du om forslaget?"
    announced_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=14))
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    theme = None  # or a key of the municipality's theme, or a Theme

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        if isinstance(kwargs.get("theme"), str):
            kwargs["theme"] = theme(kwargs["municipality"], kwargs["theme"])
        return kwargs


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    hearing = factory.SubFactory(HearingFactory)
    heading = factory.Sequence(lambda n: f"Afsnit {n}")
    position = factory.Sequence(lambda n: n)


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    section = factory.SubFactory(SectionFactory)
    text = "Pladsen foran rådhuset bliver grøn med træer og bænke."
    position = factory.Sequence(lambda n: n)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    hearing = factory.SubFactory(HearingFactory)
    author = factory.SubFactory(UserFactory)
    body = "Jeg savner flere cykelstier."


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    hearing = factory.SubFactory(HearingFactory)
    title = "Kort over planområdet"
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n", name="kort.pdf"))
    content_type = "application/pdf"
    size = 9
