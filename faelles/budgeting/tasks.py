from django_tasks import task


@task()
def import_pabulib(job_id: int) -> str:
    """Import an uploaded Pabulib file (PabulibImport) outside the request."""
    from .services import pabulib_import_run

    return pabulib_import_run(job_id=job_id).status
