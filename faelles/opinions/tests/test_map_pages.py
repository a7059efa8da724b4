"""The opinion map's pages: voting one statement at a time without JavaScript and
with htmx, writing statements, moderation, the result page, who may see what."""

import pytest
from django.urls import reverse

from faelles.opinions import services
from faelles.opinions.factories import OpinionMapFactory, StatementFactory
from faelles.opinions.models import (
    Moderation,
    Statement,
    StatementStatus,
    Vote,
)
from faelles.opinions.phases import Phase

pytestmark = pytest.mark.django_db


def url(name, municipality, **kwargs):
    return reverse(
        f"opinions:{name}", kwargs={"municipality_slug": municipality.slug, **kwargs}
    )


def test_the_card_shows_a_statement_and_a_plain_post_votes_and_moves_on(
    client, opinion_map, citizen
):
    statements = StatementFactory.create_batch(3, map=opinion_map)
    client.force_login(citizen)
    page = client.get(url("detail", opinion_map.municipality, pk=opinion_map.pk))
    assert page.status_code == 200
    shown = page.context["statement"]
    assert shown in statements
    response = client.post(
        url("vote", opinion_map.municipality, pk=opinion_map.pk),
        {"statement": shown.pk, "value": "1"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#stem")
    assert Vote.objects.get(statement=shown).value == 1
    page = client.get(url("detail", opinion_map.municipality, pk=opinion_map.pk))
    assert page.context["statement"] != shown
    assert page.context["progress"] == {"total": 3, "voted": 1}


def test_htmx_swaps_the_card_with_the_next_statement(client, opinion_map, citizen):
    first, second = StatementFactory.create_batch(2, map=opinion_map)
    client.force_login(citizen)
    response = client.post(
        url("vote", opinion_map.municipality, pk=opinion_map.pk),
        {"statement": first.pk, "value": "-1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith("<section") and 'id="stem"' in html
    assert second.text in html and "data-focus-after-swap" in html
    assert 'hx-swap-oob="true"' in html  # the status line announces the vote


@pytest.mark.parametrize("value", ["2", "", "enig"])
def test_a_bad_vote_changes_nothing(client, opinion_map, citizen, value):
    statement = StatementFactory(map=opinion_map)
    client.force_login(citizen)
    response = client.post(
        url("vote", opinion_map.municipality, pk=opinion_map.pk),
        {"statement": statement.pk, "value": value},
    )
    assert response.status_code == 302
    assert not Vote.objects.exists()


@pytest.mark.parametrize("statement", ["99999999999999999999", "x", "0"])
def test_a_bad_statement_id_changes_nothing(client, opinion_map, citizen, statement):
    client.force_login(citizen)
    response = client.post(
        url("vote", opinion_map.municipality, pk=opinion_map.pk),
        {"statement": statement, "value": "1"},
    )
    assert response.status_code == 302
    assert not Vote.objects.exists()


def test_an_anonymous_visitor_sees_the_statement_and_is_asked_to_log_in(
    client, opinion_map
):
    StatementFactory(map=opinion_map)
    page = client.get(url("detail", opinion_map.municipality, pk=opinion_map.pk))
    assert "Log ind for at tage stilling" in page.content.decode()
    response = client.post(
        url("vote", opinion_map.municipality, pk=opinion_map.pk),
        {"statement": "1", "value": "1"},
    )
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_statement_waits_for_moderation_and_then_joins(
    client, opinion_map, citizen, moderator
):
    client.force_login(citizen)
    response = client.post(
        url("statement_add", opinion_map.municipality, pk=opinion_map.pk),
        {"text": "Der skal være flere bænke på torvet"},
    )
    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.status == StatementStatus.PENDING
    assert statement.author.user == citizen
    page = client.get(url("detail", opinion_map.municipality, pk=opinion_map.pk))
    assert page.context["statement"] is None
    client.force_login(moderator)
    queue = client.get(url("moderation", opinion_map.municipality, pk=opinion_map.pk))
    assert statement.text in queue.content.decode()
    client.post(
        url("moderate", opinion_map.municipality, pk=statement.pk),
        {"status": "accepted", "note": ""},
    )
    statement.refresh_from_db()
    assert statement.status == StatementStatus.ACCEPTED


def test_after_moderation_the_statement_is_shown_at_once(client, municipality, citizen):
    opinion_map = OpinionMapFactory(
        municipality=municipality, moderation=Moderation.AFTER
    )
    client.force_login(citizen)
    client.post(
        url("statement_add", municipality, pk=opinion_map.pk),
        {"text": "Torvet skal være bilfrit om lørdagen"},
    )
    assert Statement.objects.get().status == StatementStatus.ACCEPTED


@pytest.mark.parametrize("text", ["kort", "x" * 281, "tekst med \x07 en klokke", ""])
def test_a_bad_statement_changes_nothing(client, opinion_map, citizen, text):
    client.force_login(citizen)
    response = client.post(
        url("statement_add", opinion_map.municipality, pk=opinion_map.pk),
        {"text": text},
    )
    assert response.status_code == 400
    assert not Statement.objects.exists()


def test_a_citizen_may_not_moderate(client, opinion_map, citizen):
    statement = StatementFactory(map=opinion_map, status=StatementStatus.PENDING)
    client.force_login(citizen)
    assert (
        client.get(
            url("moderation", opinion_map.municipality, pk=opinion_map.pk)
        ).status_code
        == 403
    )
    response = client.post(
        url("moderate", opinion_map.municipality, pk=statement.pk),
        {"status": "accepted"},
    )
    assert response.status_code == 403
    statement.refresh_from_db()
    assert statement.status == StatementStatus.PENDING


def test_a_draft_is_hidden_from_citizens_and_shown_to_staff(
    client, municipality, citizen, employee
):
    draft = OpinionMapFactory(municipality=municipality, phase=Phase.DRAFT)
    client.force_login(citizen)
    assert client.get(url("detail", municipality, pk=draft.pk)).status_code == 404
    assert draft.title not in client.get(url("list", municipality)).content.decode()
    client.force_login(employee)
    assert client.get(url("detail", municipality, pk=draft.pk)).status_code == 200


def test_staff_create_a_map_and_open_it(client, municipality, employee):
    client.force_login(employee)
    response = client.post(
        url("create", municipality),
        {
            "title": "Bymidten",
            "question": "Hvad skal bymidten være?",
            "description": "",
            "opens_at": "",
            "closes_at": "",
            "moderation": "before",
            "export_access": "after_close",
        },
    )
    assert response.status_code == 302
    from faelles.opinions.models import OpinionMap

    created = OpinionMap.objects.get()
    client.post(url("phase", municipality, pk=created.pk), {"phase": "open"})
    created.refresh_from_db()
    assert created.phase == Phase.OPEN


def test_the_result_page_shows_groups_in_words_and_a_table(
    client, grouped_map, citizen, django_assert_max_num_queries
):
    opinion_map, statements, _people = grouped_map
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statements[0].pk, value=1
    )
    services.result_compute(map_id=opinion_map.pk)
    client.force_login(citizen)
    with django_assert_max_num_queries(15):
        page = client.get(url("results", opinion_map.municipality, pk=opinion_map.pk))
    html = page.content.decode()
    assert "Gruppe A er især enige om" in html
    assert "<svg" in html and "<title" in html and "<desc" in html
    assert "<caption>Grupperne i tal</caption>" in html
    assert "Hvor står jeg?" in html


def test_the_result_page_before_any_result(client, opinion_map):
    page = client.get(url("results", opinion_map.municipality, pk=opinion_map.pk))
    assert page.status_code == 200
    assert "Der er ikke beregnet et resultat endnu" in page.content.decode()


def test_where_do_i_stand_names_my_group(client, grouped_map, citizen):
    opinion_map, statements, _people = grouped_map
    for j, statement in enumerate(statements):
        services.vote_cast(
            opinion_map=opinion_map,
            user=citizen,
            statement_id=statement.pk,
            value=1 if j % 2 == 0 else -1,
        )
    services.result_compute(map_id=opinion_map.pk)
    client.force_login(citizen)
    page = client.get(url("results", opinion_map.municipality, pk=opinion_map.pk))
    me = page.context["me"]
    assert me["placed"] and me["group"] is not None
    assert f"Du er i gruppe {me['label']}" in page.content.decode()


def test_list_and_detail_make_a_bounded_number_of_queries(
    client, grouped_map, citizen, django_assert_max_num_queries
):
    opinion_map, statements, _people = grouped_map
    services.result_compute(map_id=opinion_map.pk)
    for i in range(3):
        OpinionMapFactory(municipality=opinion_map.municipality, title=f"Kort {i}")
    client.force_login(citizen)
    with django_assert_max_num_queries(14):
        page = client.get(url("list", opinion_map.municipality))
    assert page.status_code == 200
    with django_assert_max_num_queries(16):
        page = client.get(url("detail", opinion_map.municipality, pk=opinion_map.pk))
    assert page.context["statement"] in statements


def test_the_audit_log_shows_moderation_and_daily_vote_counts(
    client, opinion_map, citizen, municipal_admin
):
    statement = StatementFactory(map=opinion_map, status=StatementStatus.PENDING)
    services.statement_moderate(
        statement=statement, actor=municipal_admin, status=StatementStatus.ACCEPTED
    )
    services.vote_cast(
        opinion_map=opinion_map, user=citizen, statement_id=statement.pk, value=1
    )
    client.force_login(municipal_admin)
    page = client.get(
        reverse(
            "municipalities:manage_audit",
            kwargs={"municipality_slug": opinion_map.municipality.slug},
        )
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Modererede et udsagn i meningskortet" in html
    assert "Stemmer afgivet denne dag (1) i meningskortet" in html
    assert statement.text not in html
    assert citizen.display_name not in html


def test_the_result_page_in_english(client, grouped_map, citizen):
    opinion_map, _statements, _people = grouped_map
    services.result_compute(map_id=opinion_map.pk)
    client.cookies["faelles_language"] = "en"
    page = client.get(url("results", opinion_map.municipality, pk=opinion_map.pk))
    html = page.content.decode()
    assert "Group A especially agrees that:" in html
    assert "The groups in numbers" in html
    for danish in ("Gruppe A", "er især", "deltagere", "Hvor står"):
        assert danish not in html


def test_the_list_counts_statements_and_participants_each_once(
    client, municipality, citizen
):
    """The two counts come from two joins: without ``distinct`` each was
    multiplied by the other (24 statements and 325 participants were shown as
    7,800 statements)."""
    from faelles.opinions.factories import ParticipantFactory

    counted = OpinionMapFactory(municipality=municipality, title="Tæl mig")
    StatementFactory.create_batch(3, map=counted)
    ParticipantFactory.create_batch(4, map=counted)
    client.force_login(citizen)
    page = client.get(reverse("opinions:list", args=[municipality.slug]))
    text = page.content.decode()
    assert "3 udsagn" in text and "4 deltagere" in text
    assert "12 udsagn" not in text
