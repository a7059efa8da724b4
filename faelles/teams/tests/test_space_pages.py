"""The team's space stays the same size whatever the team's history: the newest
messages, every open task with the latest done ones, the newest files — each
with links to the older ones that work without JavaScript — and the same
number of queries for a team with 3 or 300 messages and tasks
(bench/bench_workplace.py: the big team's page listed everything)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from faelles.core.forms import OnePassSelect
from faelles.teams import services, views
from faelles.teams.forms import TaskForm
from faelles.teams.models import Post, Task, TeamFile

from .conftest import BASE, END, colleague, join, url

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)
NONSENSE = ["0", "-1", "abc", "2.5", "²", "", "99999999999999999999", "1e3"]


def _posts(team, author, n):
    Post.objects.bulk_create(
        Post(
            team=team,
            author=author,
            body=f"Besked nr. {i:03}",
            created_at=NOW - datetime.timedelta(minutes=n - i),
        )
        for i in range(n)
    )


def _tasks(team, owner, *, open_n=0, done_n=0):
    """Open tasks "Åben nr. …" and done tasks "Færdig nr. …", the higher
    the number the later it was done."""
    Task.objects.bulk_create(
        [
            Task(
                municipality=team.municipality,
                team=team,
                title=f"Åben nr. {i:03}",
                owner=owner,
                due=END,
                created_at=NOW,
            )
            for i in range(open_n)
        ]
        + [
            Task(
                municipality=team.municipality,
                team=team,
                title=f"Færdig nr. {i:03}",
                owner=owner,
                due=END,
                done=True,
                done_at=NOW - datetime.timedelta(minutes=done_n - i),
                created_at=NOW,
            )
            for i in range(done_n)
        ]
    )


def _files(team, by, n):
    TeamFile.objects.bulk_create(
        TeamFile(
            team=team,
            uploaded_by=by,
            title=f"Fil nr. {i:03}",
            file=f"teams/{team.pk}/x/{i}.txt",
            content_type="text/plain",
            size=10,
            created_at=NOW - datetime.timedelta(minutes=n - i),
        )
        for i in range(n)
    )


def _numbers(page: str, word: str) -> list[int]:
    """The numbers of the rows shown (a task's title, not its button)."""
    return [int(n) for n in re.findall(rf">{word} nr\. (\d+)<", page)]


def _get(client, team, query=""):
    response = client.get(url(team) + query)
    assert response.status_code == 200
    return response.content.decode()


# --- messages ---------------------------------------------------------------------


def test_the_newest_messages_come_first_and_older_ones_a_page_at_a_time(
    client, team, team_leader
):
    _posts(team, team_leader, 45)
    client.force_login(team_leader)
    page = _get(client, team)
    shown = views.POSTS_SHOWN
    assert _numbers(page, "Besked") == list(range(44, 44 - shown, -1))
    assert "Vis ældre beskeder" in page and "Nyere beskeder" not in page
    assert 'href="?beskeder=2#beskeder"' in page

    page = _get(client, team, "?beskeder=2")
    assert _numbers(page, "Besked") == list(range(44 - shown, 44 - 2 * shown, -1))
    # The newer page is the first: a link without the parameter.
    assert 'href="?#beskeder"' in page and 'href="?beskeder=3#beskeder"' in page

    page = _get(client, team, "?beskeder=3")
    assert _numbers(page, "Besked") == list(range(44 - 2 * shown, -1, -1))
    assert "Vis ældre beskeder" not in page
    assert 'href="?beskeder=2#beskeder"' in page


def test_a_page_of_messages_past_the_end_says_so_and_leads_back(
    client, team, team_leader
):
    _posts(team, team_leader, 3)
    client.force_login(team_leader)
    page = _get(client, team, "?beskeder=7")
    assert _numbers(page, "Besked") == []
    assert "Der er ikke flere beskeder." in page
    assert "Ingen beskeder endnu." not in page
    assert 'href="?beskeder=6#beskeder"' in page
    page = _get(client, team, "?beskeder=1000000")  # beyond the last page there is
    assert "Der er ikke flere beskeder." in page


@pytest.mark.parametrize("value", NONSENSE)
def test_nonsense_page_numbers_show_the_first_pages(client, team, team_leader, value):
    _posts(team, team_leader, 25)
    _tasks(team, team_leader, done_n=12)
    _files(team, team_leader, 12)
    client.force_login(team_leader)
    query = f"?beskeder={value}&faerdige={value}&filer={value}"
    page = _get(client, team, query)
    assert _numbers(page, "Besked")[0] == 24
    assert _numbers(page, "Færdig")[0] == 11
    assert _numbers(page, "Fil")[0] == 11


def test_a_team_without_messages_tasks_or_files_says_so(client, team, team_leader):
    client.force_login(team_leader)
    page = _get(client, team)
    assert "Ingen beskeder endnu." in page
    assert "Ingen opgaver endnu." in page
    assert "Ingen filer endnu." in page
    assert 'class="pagination"' not in page


# --- tasks ------------------------------------------------------------------------


def test_every_open_task_and_the_latest_done_ones_are_shown(client, team, team_leader):
    _tasks(team, team_leader, open_n=15, done_n=25)
    client.force_login(team_leader)
    page = _get(client, team)
    assert _numbers(page, "Åben") == list(range(15))
    shown = views.DONE_TASKS_SHOWN
    assert _numbers(page, "Færdig") == list(range(24, 24 - shown, -1))
    assert f"Færdige opgaver 1–{shown} af 25 vises" in page
    assert 'href="?faerdige=2#opgaver"' in page
    assert "Vis ældre færdige opgaver" in page


def test_every_done_task_is_reachable(client, team, team_leader, nurse):
    join(team, nurse, team_leader)
    _tasks(team, nurse, open_n=2, done_n=23)
    client.force_login(nurse)
    seen: list[int] = []
    query, pages = "", 0
    while True:
        page = _get(client, team, query)
        pages += 1
        # The open tasks are the work: on every page.
        assert _numbers(page, "Åben") == [0, 1]
        seen += _numbers(page, "Færdig")
        older = re.search(r'href="\?faerdige=(\d+)#opgaver"[^>]*>Vis ældre', page)
        if not older:
            break
        query = f"?faerdige={older.group(1)}"
    assert seen == list(range(22, -1, -1))
    assert pages == 3
    assert "Færdige opgaver 21–23 af 23 vises" in page
    assert "Senest færdige opgaver" in page


def test_done_tasks_past_the_end_are_counted_and_lead_back(client, team, team_leader):
    _tasks(team, team_leader, open_n=1, done_n=12)
    client.force_login(team_leader)
    page = _get(client, team, "?faerdige=5")
    assert _numbers(page, "Færdig") == []
    assert _numbers(page, "Åben") == [0]
    assert "Der er ikke flere færdige opgaver – teamet har 12 færdige opgaver." in page
    assert 'href="?faerdige=4#opgaver"' in page


def test_a_done_task_on_a_later_page_can_be_opened_again(client, team, team_leader):
    _tasks(team, team_leader, done_n=12)
    oldest = Task.objects.get(title="Færdig nr. 000")
    client.force_login(team_leader)
    page = _get(client, team, "?faerdige=2")
    assert f'action="{url(team, f"opgaver/{oldest.pk}/")}"' in page
    assert "Færdig – åbn “Færdig nr. 000” igen" in page
    client.post(url(team, f"opgaver/{oldest.pk}/"), {"done": "0"})
    oldest.refresh_from_db()
    assert not oldest.done
    assert "Markér “Færdig nr. 000” som færdig" in _get(client, team)


def test_task_rows_are_escaped(client, team, team_leader):
    services.task_add(
        team=team,
        actor=team_leader,
        title='<b>"Fest"</b> & co',
        owner=team_leader,
        due=END,
    )
    client.force_login(team_leader)
    page = _get(client, team)
    assert "<b>" not in page
    assert "&lt;b&gt;&quot;Fest&quot;&lt;/b&gt; &amp; co" in page


# --- files ------------------------------------------------------------------------


def test_the_newest_files_come_first_with_a_count_and_the_rest_reachable(
    client, team, team_leader
):
    _files(team, team_leader, 13)
    client.force_login(team_leader)
    page = _get(client, team)
    shown = views.FILES_SHOWN
    assert _numbers(page, "Fil") == list(range(12, 12 - shown, -1))
    assert f"Filer 1–{shown} af 13 vises" in page
    newest = TeamFile.objects.get(title="Fil nr. 012")
    assert f'href="{url(team, f"filer/{newest.pk}/")}"' in page
    page = _get(client, team, "?filer=2")
    assert _numbers(page, "Fil") == [2, 1, 0]
    assert f"Filer {shown + 1}–13 af 13 vises" in page
    assert "Vis ældre filer" not in page and "Nyeste filer" in page
    page = _get(client, team, "?filer=3")
    assert "Der er ikke flere filer – teamet har 13 filer." in page


def test_a_few_files_need_no_links(client, team, team_leader):
    _files(team, team_leader, 3)
    client.force_login(team_leader)
    page = _get(client, team)
    assert _numbers(page, "Fil") == [2, 1, 0]
    assert "vises" not in page and "Vis ældre filer" not in page


# --- a bounded page -----------------------------------------------------------------


@pytest.mark.parametrize("n", [3, 300])
def test_the_page_has_the_same_queries_and_rows_for_3_or_300(
    client, team, team_leader, nurse, n, django_assert_max_num_queries
):
    join(team, nurse, team_leader)
    services.volunteer_offer(
        team=team, user=colleague(team.department), motivation="Gerne"
    )
    _posts(team, nurse, n)
    _tasks(team, nurse, open_n=3, done_n=n)
    _files(team, nurse, n)
    client.force_login(team_leader)
    client.get(url(team))  # the menu's cached count
    # The session, the person and the municipality; the team, its members,
    # the person's offer, the volunteers waiting; a page of messages, the
    # open tasks with a page of the done, a page of the files and — for 300 —
    # counting the done tasks and the files.
    with django_assert_max_num_queries(14):
        page = _get(client, team)
    assert len(_numbers(page, "Besked")) == min(n, views.POSTS_SHOWN)
    assert len(_numbers(page, "Færdig")) == min(n, views.DONE_TASKS_SHOWN)
    assert len(_numbers(page, "Fil")) == min(n, views.FILES_SHOWN)
    assert len(_numbers(page, "Åben")) == 3
    with django_assert_max_num_queries(14):
        _get(client, team, "?beskeder=3&faerdige=4&filer=5")


def test_the_page_reads_no_row_twice(client, team, team_leader, nurse):
    """Names come with their rows: no query per member, task or message."""
    join(team, nurse, team_leader)
    _posts(team, nurse, 30)
    _tasks(team, nurse, open_n=30, done_n=30)
    _files(team, nurse, 30)
    client.force_login(nurse)
    client.get(url(team))
    with CaptureQueriesContext(connection) as captured:
        _get(client, team)
    users = [q for q in captured if 'FROM "accounts_user"' in q["sql"]]
    assert len(users) <= 1, [q["sql"][:120] for q in users]  # the session's person


# --- the owner of a new task --------------------------------------------------------


def test_the_owner_is_chosen_among_the_members_in_one_pass(
    client, team, team_leader, nurse, employee
):
    join(team, nurse, team_leader)
    form = TaskForm(team=team, prefix="task")
    assert isinstance(form.fields["owner"].widget, OnePassSelect)
    client.force_login(team_leader)
    page = _get(client, team)
    select = re.search(r'<select name="task-owner".*?</select>', page, re.S).group(0)
    names = re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select)
    assert {int(pk) for pk, _ in names} == {team_leader.pk, nurse.pk}
    assert [name for _, name in names] == sorted(
        (str(team_leader), str(nurse)), key=str.casefold
    )
    # A colleague outside the team is refused with the team's own words.
    response = client.post(
        url(team, "opgaver/"),
        {"task-title": "Ulovlig", "task-owner": employee.pk, "task-due": "2027-02-01"},
        follow=True,
    )
    assert "Vælg en af teamets medlemmer." in response.content.decode()
    assert not Task.objects.exists()
    client.post(
        url(team, "opgaver/"),
        {"task-title": "Lovlig", "task-owner": nurse.pk, "task-due": "2027-02-01"},
    )
    assert Task.objects.get().owner == nurse


def test_a_member_without_a_name_is_offered_by_their_address(team, team_leader):
    team_leader.display_name = ""
    team_leader.save(update_fields=["display_name"])
    form = TaskForm(team=team, prefix="task")
    html = str(form["owner"])
    assert f">{team_leader.email.split('@')[0]}</option>" in html


# --- who sees what ------------------------------------------------------------------


def test_paging_shows_nothing_of_the_space_to_outsiders(
    client, team, team_leader, employee
):
    _posts(team, team_leader, 25)
    _tasks(team, team_leader, open_n=1, done_n=12)
    _files(team, team_leader, 12)
    client.force_login(employee)
    page = _get(client, team, "?beskeder=2&faerdige=2&filer=2")
    assert "Teamets beskeder, filer og opgaver ses af teamets medlemmer." in page
    for word in ("Besked", "Færdig", "Åben", "Fil"):
        assert _numbers(page, word) == []
    assert 'id="opgaver"' not in page and "Vis ældre" not in page


def test_the_owning_departments_leader_sees_and_pages_the_space(client, team, culture):
    boss = colleague(culture, is_leader=True)
    _posts(team, boss, 25)
    client.force_login(boss)
    page = _get(client, team, "?beskeder=2")
    assert _numbers(page, "Besked") == [4, 3, 2, 1, 0]
    assert "Send beskeden" in page


def test_a_member_marks_tasks_done_the_leader_answers_volunteers(
    client, team, team_leader, nurse, employee
):
    join(team, nurse, team_leader)
    _tasks(team, nurse, open_n=1)
    offer = services.volunteer_offer(team=team, user=employee, motivation="Gerne")
    client.force_login(nurse)
    page = _get(client, team)
    assert "Markér “Åben nr. 000” som færdig" in page
    assert "Frivillige der venter på svar" not in page
    client.force_login(team_leader)
    page = _get(client, team)
    assert f'action="{url(team, f"frivillige/{offer.pk}/")}"' in page
    client.post(url(team, f"frivillige/{offer.pk}/"), {"decision": "accept"})
    offer.refresh_from_db()
    assert offer.status == "accepted"


def test_a_closed_teams_space_is_read_only_and_still_paged(
    client, team, team_leader, nurse
):
    join(team, nurse, team_leader)
    _posts(team, nurse, 25)
    _tasks(team, nurse, open_n=1, done_n=12)
    services.team_close(
        team=team,
        actor=team_leader,
        worked="a",
        did_not_work="b",
        again="yes",
        share=False,
    )
    client.force_login(nurse)
    page = _get(client, team)
    assert "Send beskeden" not in page and "Tilføj opgaven" not in page
    assert "Markér" not in page and "åbn “" not in page
    assert "<td>Åben</td>" in page and "<td>Færdig</td>" in page
    assert 'href="?faerdige=2#opgaver"' in page
    page = _get(client, team, "?beskeder=2&faerdige=2")
    assert _numbers(page, "Besked") == [4, 3, 2, 1, 0]
    assert _numbers(page, "Færdig") == [1, 0]


# --- colleagues waiting for an answer ------------------------------------------------


def _offers(team, n):
    """``n`` colleagues who volunteered, the first the longest waiting."""
    offers = []
    for i in range(n):
        person = colleague(team.department)
        person.display_name = f"Frivillig nr. {i:03}"
        person.save(update_fields=["display_name"])
        offers.append(
            services.volunteer_offer(
                team=team,
                user=person,
                motivation="Gerne",
                now=NOW - datetime.timedelta(minutes=n - i),
            )
        )
    return offers


def test_waiting_colleagues_are_answered_a_page_at_a_time(client, team, team_leader):
    shown = views.WAITING_SHOWN
    offers = _offers(team, shown + 3)
    client.force_login(team_leader)
    page = _get(client, team)
    assert _numbers(page, "Frivillig") == list(range(shown))
    assert f"Frivillige 1–{shown} af {shown + 3} vises" in page
    assert 'href="?frivillige=2#frivillige"' in page
    page = _get(client, team, "?frivillige=2")
    assert _numbers(page, "Frivillig") == [shown, shown + 1, shown + 2]
    # An answer on the second page works like one on the first.
    last = offers[-1]
    assert f'action="{url(team, f"frivillige/{last.pk}/")}"' in page
    client.post(url(team, f"frivillige/{last.pk}/"), {"decision": "decline"})
    last.refresh_from_db()
    assert last.status == "declined"
    # Past the end: the count, and the way back.
    page = _get(client, team, "?frivillige=9")
    assert f"Der er ikke flere – {shown + 2} kolleger venter på svar." in page
    assert _numbers(page, "Frivillig") == []
    assert 'href="?frivillige=8#frivillige"' in page


@pytest.mark.parametrize("value", NONSENSE)
def test_nonsense_volunteer_pages_show_the_first(client, team, team_leader, value):
    _offers(team, 2)
    client.force_login(team_leader)
    page = _get(client, team, f"?frivillige={value}")
    assert _numbers(page, "Frivillig") == [0, 1]
    assert "vises" not in page


def test_only_the_leader_sees_who_is_waiting(client, team, team_leader, nurse):
    join(team, nurse, team_leader)
    _offers(team, 12)
    client.force_login(nurse)
    page = _get(client, team, "?frivillige=2")
    assert "Frivillig nr." not in page and "Frivillige der venter" not in page


# --- the person's own teams --------------------------------------------------------


def test_my_teams_are_paged_nearest_end_first(client, municipality, team, nurse):
    shown = views.MINE_SHOWN
    for i in range(shown + 2):
        mine = services.team_create(
            municipality=municipality,
            actor=nurse,
            title=f"Mit team nr. {i:03}",
            purpose="x",
            end_date=END + datetime.timedelta(days=i),
            task="y",
        )
        assert mine.leader_id == nurse.pk
    client.force_login(nurse)
    index = BASE
    page = client.get(index).content.decode()
    assert _numbers(page, "Mit team")[:shown] == list(range(shown))
    assert f"Dine teams 1–{shown} af {shown + 2} vises" in page
    page = client.get(index + "?mine=2").content.decode()
    mine_part = page.split('id="mine"')[1].split("<h2")[0]
    assert _numbers(mine_part, "Mit team") == [shown, shown + 1]
    page = client.get(index + "?mine=5").content.decode()
    assert f"du er med i {shown + 2} teams" in page
    # The teams list itself is not moved by the other list's page.
    assert page.count("Mit team nr. 000") == 1


def test_members_and_messages_are_escaped(client, team, team_leader, nurse):
    """The members' rows and the messages are written in Python
    (``templatetags/team_cards.py``)."""
    join(team, nurse, team_leader)
    nurse.display_name = '<b>Sygeplejerske & "Co"</b>'
    nurse.save(update_fields=["display_name"])
    Post.objects.create(
        team=team, author=nurse, body="<script>x</script>\n\nAnden del", created_at=NOW
    )
    client.force_login(team_leader)
    page = _get(client, team)
    assert "<b>Sygeplejerske" not in page and "<script>x" not in page
    assert "&lt;b&gt;Sygeplejerske &amp; &quot;Co&quot;&lt;/b&gt;" in page
    assert "<p>&lt;script&gt;x&lt;/script&gt;</p>\n\n<p>Anden del</p>" in page
    assert f"{team_leader} (teamleder)" in page
