from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from faelles.accounts.factories import UserFactory
from faelles.notifications.models import EmailFrequency, Notification
from faelles.notifications.services import notify, preference_for, send_immediate_email

pytestmark = pytest.mark.django_db


def _notify(user, municipality, **kw):
    return notify(
        recipient=user, municipality=municipality, kind="test.kind", title="Hej", **kw
    )


def test_notify_creates_in_app_and_emails(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        n = _notify(user, municipality, body="Der er nyt", url="/odense/")
    assert Notification.objects.get() == n
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Der er nyt" in mail.outbox[0].body


def test_cooldown_holds_back_the_second_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality)
        second = _notify(user, municipality)
    assert len(mail.outbox) == 1
    second.refresh_from_db()
    assert second.emailed_at is None  # waits for the digest
    later = timezone.now() + timedelta(minutes=31)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_immediate_email(second.pk, now=later) is True
    assert len(mail.outbox) == 2


def test_digest_preference_sends_no_single_mail(
    municipality, django_capture_on_commit_callbacks
):
    user = UserFactory()
    pref = preference_for(user)
    pref.email_frequency = EmailFrequency.DAILY
    pref.save()
    with django_capture_on_commit_callbacks(execute=True):
        _notify(user, municipality)
    assert mail.outbox == []
    assert Notification.objects.count() == 1


def test_dedupe_key_makes_repeats_noops(municipality):
    user = UserFactory()
    assert _notify(user, municipality, dedupe_key="match:1:2") is not None
    assert _notify(user, municipality, dedupe_key="match:1:2") is None
    assert Notification.objects.count() == 1


def test_list_shows_only_own_notifications(client, municipality):
    me, other = UserFactory(), UserFactory()
    _notify(me, municipality, body="til mig")
    notify(recipient=other, municipality=municipality, kind="x", title="Hemmeligt")
    client.force_login(me)
    response = client.get("/me/beskeder/")
    assert "Hej" in response.text and "Hemmeligt" not in response.text
    client.post("/me/beskeder/laest/")
    assert not Notification.objects.filter(recipient=me, read_at__isnull=True).exists()


def test_platform_text_is_written_in_the_recipients_language(
    municipality, employee, django_capture_on_commit_callbacks
):
    """A Danish-speaking employee suggests a match; the English-speaking owner of
    the offer is told in English — in the app and in the e-mail."""
    from django.utils import translation

    from faelles.resources import services
    from faelles.resources.factories import ListingFactory, NeedFactory

    need = NeedFactory(municipality=municipality, title="Hjælp til indkøb")
    offer = ListingFactory(municipality=municipality, title="Jeg handler ind")
    offer.owner.preferred_language = "en"
    offer.owner.save()
    need.owner.preferred_language = "da"
    need.owner.save()
    with translation.override("da"), django_capture_on_commit_callbacks(execute=True):
        services.proposal_suggest(need=need, offer=offer, actor=employee, is_staff=True)
    english = Notification.objects.get(recipient=offer.owner)
    danish = Notification.objects.get(recipient=need.owner)
    assert english.title == "A possible match: Jeg handler ind"
    assert danish.title == "Et muligt match: Hjælp til indkøb"
    sent = {m.to[0]: m for m in mail.outbox}
    assert (
        sent[offer.owner.email].subject == "[Fælles] A possible match: Jeg handler ind"
    )
    assert "may be able to help each other" in sent[offer.owner.email].body


def test_what_people_wrote_is_passed_on_as_it_is(municipality):
    user = UserFactory(preferred_language="en")
    n = _notify(user, municipality, body="Vi ses på tirsdag")
    assert (n.title, n.body) == ("Hej", "Vi ses på tirsdag")


def test_no_call_site_writes_platform_text_in_the_actors_language():
    """``notify(title=_("…"))`` would fix the text in the language of whoever
    caused the notification; platform text must be passed as a function."""
    import ast
    from pathlib import Path

    import faelles

    senders = {"notify", "_notify_all", "_send"}
    wrong = []
    for path in Path(faelles.__file__).parent.rglob("*.py"):
        if "tests" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (
                isinstance(node, ast.Call) and getattr(node.func, "id", "") in senders
            ):
                continue
            for keyword in node.keywords:
                if keyword.arg in ("title", "body") and not isinstance(
                    keyword.value, ast.Lambda
                ):
                    calls = [
                        n
                        for n in ast.walk(keyword.value)
                        if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "_"
                    ]
                    if calls:
                        wrong.append(f"{path.name}:{node.lineno} {keyword.arg}=_(…)")
    assert wrong == []
