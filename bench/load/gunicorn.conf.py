"""gunicorn settings for the load run: as docs/operations.md ("Processes")
recommends for production, each worker loads the matching indexes when it starts
rather than on a visitor's first request."""


def post_worker_init(worker):
    import threading

    from faelles.resources.matches import warm

    threading.Thread(target=warm, daemon=True).start()
