from django_tasks import task


@task()
def run_draw(draw_id: int) -> str:
    """Draw a committee's members by lot outside the request (seconds to minutes)."""
    from .services import draw_run

    return draw_run(draw_id=draw_id).status
