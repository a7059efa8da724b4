from django_tasks import task


@task()
def update_opinion_map(map_id: int) -> int:
    """Recompute an opinion map after votes arrived (never in a request)."""
    from .services import result_compute

    result = result_compute(map_id=map_id)
    return result.votes_counted if result is not None else 0
