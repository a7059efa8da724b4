from django_tasks import task

from .notifications import notify_administrators


@task()
def flag_awaiting_response() -> int:
    """Daily: tell administrators about initiatives nobody has answered."""
    return sum(len(item.titles) for item in notify_administrators())
