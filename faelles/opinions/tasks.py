from django_tasks import task


@task()
def update_opinion_map(map_id: int) -> int:
    """Recompute an opinion map after votes arrived (never in a request)."""
    from .services import result_compute

    result = result_compute(map_id=map_id)
    return result.votes_counted if result is not None else 0


@task()
def import_polis_conversation(map_id: int) -> bool:
    """Write an uploaded Polis conversation into its new map (checked already)."""
    from .polis_import import polis_import_finish

    return polis_import_finish(map_id=map_id)
