"""Whole pages for anonymous visitors (faelles/core/pagecache.py): served from the
shared cache until a table they were made from changes; never for logged-in people
or pages with a form token."""

import pytest
from django.core.cache import cache
from django.db import transaction

from faelles.core import pagecache
from faelles.initiatives.factories import InitiativeFactory
from faelles.initiatives.models import Initiative
from faelles.municipalities.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.FAELLES_PAGE_CACHE_SECONDS = 60
    cache.clear()
    pagecache.forget_held()
    yield
    cache.clear()
    pagecache.forget_held()


@pytest.fixture
def place():
    return MunicipalityFactory(slug="havby", name="Havby Kommune")


def _list(client, place, **headers):
    return client.get(f"/{place.slug}/initiativer/", **headers)


def test_a_second_visitor_gets_the_page_from_the_cache(
    client, place, django_assert_num_queries
):
    InitiativeFactory(municipality=place, title="Badebro ved Nordstranden")
    first = _list(client, place)
    assert first.status_code == 200 and "Age" not in first
    assert "Badebro ved Nordstranden" in first.content.decode()
    with django_assert_num_queries(0):
        second = _list(client, place)
    assert second.status_code == 200 and "Age" in second
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_new_initiative_renews_the_pages_that_read_initiatives(client, place):
    _list(client, place)
    InitiativeFactory(municipality=place, title="Fælleshaven på Bakken")
    page = _list(client, place)
    assert "Age" not in page
    assert "Fælleshaven på Bakken" in page.content.decode()


def test_an_update_without_save_renews_too(client, place):
    initiative = InitiativeFactory(municipality=place, title="Gammel titel")
    _list(client, place)
    Initiative.objects.filter(pk=initiative.pk).update(title="Ny titel på broen")
    assert "Ny titel på broen" in _list(client, place).content.decode()


def test_a_write_to_a_table_the_page_did_not_read_changes_nothing(
    client, place, django_assert_num_queries
):
    from faelles.budgeting.factories import BudgetRoundFactory as RoundFactory

    _list(client, place)
    RoundFactory(municipality=place)
    with django_assert_num_queries(0):
        assert "Age" in _list(client, place)


def test_a_write_in_another_municipality_leaves_this_ones_pages(
    client, place, django_assert_num_queries
):
    other = MunicipalityFactory(slug="skovby")
    _list(client, place)
    # As if written while serving /skovby/…: renews initiatives for Skovby only.
    token = pagecache._scope.set("skovby")
    try:
        InitiativeFactory(municipality=other)
    finally:
        pagecache._scope.reset(token)
    with django_assert_num_queries(0):
        assert "Age" in _list(client, place)
    # The same write outside any municipality's pages renews it everywhere.
    InitiativeFactory(municipality=other)
    assert "Age" not in _list(client, place)


def test_a_write_renews_the_version_only_when_it_commits(client, place):
    _list(client, place)
    with transaction.atomic():
        InitiativeFactory(municipality=place, title="Endnu ikke gemt")
        assert "Age" in _list(client, place)  # not committed: the old page holds
    assert "Endnu ikke gemt" in _list(client, place).content.decode()
    try:
        with transaction.atomic():
            InitiativeFactory(municipality=place, title="Rullet tilbage")
            raise RuntimeError
    except RuntimeError:
        pass
    page = _list(client, place)
    assert "Rullet tilbage" not in page.content.decode()


def test_danish_and_english_visitors_get_their_own_copy(client, place):
    danish = _list(client, place)
    client.cookies["faelles_language"] = "en"
    english = _list(client, place)
    assert 'lang="da"' in danish.content.decode()
    assert 'lang="en"' in english.content.decode()
    assert "Age" not in english
    assert "Age" in _list(client, place)


def test_never_for_a_logged_in_person(client, place, citizen):
    client.force_login(citizen)
    _list(client, place)
    assert "Age" not in _list(client, place)


def test_a_visitor_with_a_session_is_not_served_a_shared_copy(client, place):
    _list(client, place)
    client.cookies["sessionid"] = "whatever"
    assert "Age" not in _list(client, place)


def test_never_a_page_with_a_form_token(client, db):
    client.get("/accounts/login/")
    again = client.get("/accounts/login/")
    assert again.status_code == 200 and "Age" not in again
    assert "csrfmiddlewaretoken" in again.content.decode()


def test_htmx_requests_and_errors_are_not_kept(client, place):
    _list(client, place, HTTP_HX_REQUEST="true")
    assert "Age" not in _list(client, place, HTTP_HX_REQUEST="true")
    client.get(f"/{place.slug}/initiativer/999999/")
    assert client.get(f"/{place.slug}/initiativer/999999/").status_code == 404


def test_the_language_switch_works_for_visitors_without_a_token(client, place):
    page = _list(client, place)
    assert "csrfmiddlewaretoken" not in page.content.decode()
    answer = client.post(
        "/i18n/setlang/", {"language": "en", "next": f"/{place.slug}/initiativer/"}
    )
    assert (
        answer.status_code == 302 and answer.cookies["faelles_language"].value == "en"
    )


def test_a_logged_in_person_switching_language_needs_the_token(place, citizen):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(citizen)
    assert strict.post("/i18n/setlang/", {"language": "en"}).status_code == 403
    citizen.refresh_from_db()
    assert citizen.preferred_language != "en"


def test_off_when_the_setting_is_zero(client, place, settings):
    settings.FAELLES_PAGE_CACHE_SECONDS = 0
    _list(client, place)
    assert "Age" not in _list(client, place)


def test_a_bulk_load_renews_once_when_it_ends(client, place, monkeypatch):
    _list(client, place)
    renewed = []
    real = pagecache.renew
    monkeypatch.setattr(pagecache, "renew", lambda keys: renewed.append(set(keys)))
    with pagecache.batched():
        for n in range(3):
            InitiativeFactory(municipality=place, title=f"Indlæst nummer {n}")
        with pagecache.batched():  # nested: the outer one renews
            InitiativeFactory(municipality=place, title="Indlæst inderst")
        assert renewed == []
    assert (
        len(renewed) == 1
        and (pagecache.GLOBAL, "initiatives_initiative") in (renewed[0])
    )
    real(renewed[0])
    page = _list(client, place).content.decode()
    assert "Age" not in page and "Indlæst inderst" in page


# -- the pages each process holds in memory -------------------------------------------


def test_a_held_page_fetches_only_the_versions_from_the_shared_cache(
    client, place, monkeypatch, django_assert_num_queries
):
    _list(client, place)
    asked: list[list[str]] = []
    real = cache.get_many

    def get_many(keys, *args, **kwargs):
        asked.append(list(keys))
        return real(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    with django_assert_num_queries(0):
        assert "Age" in _list(client, place)
    assert len(asked) == 1 and asked[0]
    assert all(key.startswith(pagecache.VERSION_PREFIX) for key in asked[0])


def test_a_write_in_one_worker_makes_the_page_another_holds_stale(client, place):
    _list(client, place)  # made by "worker A": held there and in the shared cache
    pagecache.forget_held()  # "worker B", which has not seen it yet
    assert "Age" in _list(client, place)  # from the shared cache, now held by B
    assert pagecache.held_bytes() > 0
    # A write anywhere renews the version in the shared cache, which B checks.
    InitiativeFactory(municipality=place, title="Skrevet af en anden proces")
    page = _list(client, place)
    assert "Age" not in page
    assert "Skrevet af en anden proces" in page.content.decode()
    pagecache.forget_held()  # and "worker A" gets the new copy from the shared cache
    again = _list(client, place)
    assert "Age" in again and "Skrevet af en anden proces" in again.content.decode()


def test_the_memory_of_held_pages_stays_within_its_bound(client, place, settings):
    pagecache.forget_held()
    one = len(_list(client, place).content)
    pagecache.forget_held()
    settings.FAELLES_PAGE_CACHE_MEMORY = 2 * one + 3 * 2048
    for n in range(1, 6):
        _list(client, place, QUERY_STRING=f"side={n}")
        assert 0 < pagecache.held_bytes() <= settings.FAELLES_PAGE_CACHE_MEMORY
    assert len(pagecache._held) == 2
    # The least recently used went first; the shared cache still has every page.
    assert "Age" in _list(client, place, QUERY_STRING="side=1")
    # A page larger than the whole memory is not held, and still served shared.
    settings.FAELLES_PAGE_CACHE_MEMORY = one // 2
    pagecache.forget_held()
    assert "Age" in _list(client, place, QUERY_STRING="side=2")
    assert pagecache.held_bytes() == 0


# -- how soon a held page looks at the shared cache again ------------------------------


def _count_shared_reads(monkeypatch) -> list[list[str]]:
    asked: list[list[str]] = []
    real = cache.get_many

    def get_many(keys, *args, **kwargs):
        asked.append(list(keys))
        return real(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get_many", get_many)
    return asked


def _written_by_another_process(page_versions: dict[str, str]) -> None:
    """What another worker's commit does: new versions in the shared cache only."""
    cache.set_many(dict.fromkeys(page_versions, "another-process"), timeout=None)


def test_a_page_checked_within_the_last_second_is_served_without_asking(
    client, place, monkeypatch, settings, django_assert_num_queries
):
    settings.FAELLES_PAGE_CACHE_RECHECK = 3600  # however slow the machine
    _list(client, place)  # made and held
    assert "Age" in _list(client, place)  # checked against the shared cache
    asked = _count_shared_reads(monkeypatch)
    with django_assert_num_queries(0):
        for _ in range(3):
            assert "Age" in _list(client, place)
    assert asked == []


def test_another_process_s_write_is_seen_once_the_recheck_time_has_passed(
    client, place, settings, monkeypatch
):
    settings.FAELLES_PAGE_CACHE_RECHECK = 1
    now = [pagecache._clock() + 1]  # after every write so far
    monkeypatch.setattr(pagecache, "_clock", lambda: now[0])
    InitiativeFactory(municipality=place, title="Den gamle liste")
    now[0] += 0.1  # a write and a check in one tick count as the write after
    _list(client, place)
    assert "Age" in _list(client, place)  # held and checked now
    (held,) = (entry for entry, _size in pagecache._held.values())
    _written_by_another_process(held["versions"])
    # Within the recheck time the held copy is still served ...
    now[0] += 0.9
    assert "Age" in _list(client, place)
    # ... and after it, the new versions are found and the page is made again.
    now[0] += 0.2
    assert "Age" not in _list(client, place)


def test_this_process_s_own_write_is_seen_at_once(client, place, settings):
    settings.FAELLES_PAGE_CACHE_RECHECK = 3600
    _list(client, place)
    assert "Age" in _list(client, place)  # held and checked
    InitiativeFactory(municipality=place, title="Skrevet her og nu")
    page = _list(client, place)
    assert "Age" not in page and "Skrevet her og nu" in page.content.decode()


def test_a_recheck_time_of_zero_asks_the_shared_cache_at_every_hit(
    client, place, settings, monkeypatch
):
    settings.FAELLES_PAGE_CACHE_RECHECK = 0
    _list(client, place)
    asked = _count_shared_reads(monkeypatch)
    for _ in range(3):
        assert "Age" in _list(client, place)
    assert len(asked) == 3


# -- when the shared cache cannot take a new version -----------------------------------


def test_a_cache_that_is_down_is_logged_and_the_write_stands(
    place, monkeypatch, caplog
):
    def down(*args, **kwargs):
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(cache, "set_many", down)
    with caplog.at_level("WARNING", logger="faelles.core.pagecache"):
        InitiativeFactory(municipality=place, title="Skrevet trods alt")
    assert Initiative.objects.filter(title="Skrevet trods alt").exists()
    assert "could not renew" in caplog.text


def test_no_warning_while_the_cache_table_does_not_exist_yet(
    place, monkeypatch, caplog
):
    from django.core.cache.backends.db import DatabaseCache

    missing = DatabaseCache("faelles_cache_not_created_yet", {})
    monkeypatch.setattr(pagecache, "shared_cache", missing)
    with caplog.at_level("WARNING", logger="faelles.core.pagecache"):
        InitiativeFactory(municipality=place, title="Under den første migrate")
    assert Initiative.objects.filter(title="Under den første migrate").exists()
    assert "could not renew" not in caplog.text
