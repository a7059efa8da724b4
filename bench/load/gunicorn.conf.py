"""gunicorn settings for the load run: as docs/operations.md ("Processes")
recommends for production, each worker loads the matching indexes when it starts
rather than on a visitor's first request, then exempts what it has loaded from the
garbage collector's full collections (faelles/core/startup.py)."""


def post_worker_init(worker):
    import threading

    from faelles.core.startup import freeze_loaded_objects
    from faelles.resources.matches import warm

    def start():
        warm()
        freeze_loaded_objects()

    threading.Thread(target=start, daemon=True).start()
