"""Background work for resources and needs (run by the task worker or from cron).

* ``send_expiry_reminders`` — daily: tell owners their listing expires soon;
* ``suggest_matches`` — daily: the engine's best match for needs nobody has
  answered goes to each municipality's facilitation queue;
* ``warm_matching`` — after a deploy or restart: build the match indexes, so no
  visitor waits for the first build (see docs/matching.md).
"""

from django_tasks import task


@task()
def send_expiry_reminders(days: int = 14) -> int:
    from .services import expiry_reminders_send

    return expiry_reminders_send(days=days)


@task()
def suggest_matches(limit: int = 200) -> int:
    from faelles.municipalities.models import Municipality

    from .services import suggestions_generate

    return sum(
        suggestions_generate(municipality=m, limit=limit)
        for m in Municipality.objects.filter(is_active=True)
    )


@task()
def warm_matching() -> int:
    from .matches import warm

    return warm()
