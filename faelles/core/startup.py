"""What a long-running server process does once it has loaded the app.

A worker keeps hundreds of thousands of long-lived objects: modules, models, URL
patterns, compiled templates and, once built, the matching indexes. Python's
cyclic garbage collector walks all of them on every full collection, which shows
as a request that now and then takes tens of milliseconds longer than the rest
(in ``bench/`` the slowest directory request fell from about 200 ms to 30 ms and
its p95 by about 4 ms once they were frozen). ``gc.freeze()`` moves every object
alive now into a permanent generation that collections skip; reference counting
still frees them when they are dropped. This is the use the Python documentation
gives for it.
"""

import gc


def freeze_loaded_objects() -> int:
    """Collect what is garbage now, then exempt everything still alive from later
    collections. Returns how many objects are frozen.

    Call it when loading is done: in ``faelles/wsgi.py`` once the app is loaded,
    and again after the worker has built its matching indexes
    (``docs/operations.md``). Only objects alive at the call are frozen, so a
    later call adds what was loaded since.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
