"""Cached pages for anonymous visitors against a bare Django view, side by side.

    scripts/with-postgres .venv/bin/python bench/bench_page_cache.py \
        [--scale large] [--seconds 10] [--connections 8] [--workers 2]

(DB_CONN_MAX_AGE=0 in the environment measures a new database connection per
request; by default the servers keep them 60 s, as production does.)

Migrates the database in DATABASE_URL, seeds a municipality (`faelles seed
--scale …`, skipped when it is there), then starts gunicorn twice on this machine
— with the page cache (faelles/core/pagecache.py, the database cache as the
shared cache) as configured by default, with it asking the shared cache at every
hit (`FAELLES_PAGE_CACHE_RECHECK=0`), and without it — and loads each page with keep-alive HTTP/1.1
connections for a fixed time. The first line measured on every server is a bare
Django view (`/bench/bare/`, a view that returns "ok", added by
bench/page_cache_urls.py), so each page is reported as a ratio to what the same
gunicorn answers for nothing at all. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import http.client
import os
import platform
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def machine() -> str:
    from bench_pages import machine as describe

    return describe()


def hammer(port: int, path: str, seconds: float, connections: int) -> tuple[float, int]:
    """Requests per second answered 200 for ``path``; and the number of errors."""
    done = [0] * connections
    errors = [0] * connections
    stop = time.monotonic() + seconds

    def run(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            try:
                conn.request("GET", path, headers={"Host": "127.0.0.1"})
                response = conn.getresponse()
                response.read()
                if response.status == 200:
                    done[i] += 1
                else:
                    errors[i] += 1
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.monotonic() - started), sum(errors)


def profile_hits(path: str, count: int = 2000) -> None:
    """Where a hit's time goes: the same WSGI application as the servers, called
    in this process, for a page this process holds and for one it must fetch from
    the shared cache (its memory emptied before every request)."""
    import cProfile
    import io
    import pstats

    import page_cache_urls

    from faelles.core import pagecache

    def call(where: str) -> None:
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": where,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        body = page_cache_urls.application(environ, lambda *a: None)
        b"".join(body)
        body.close()

    call(path)  # made and stored
    for held in (True, False):
        for where in ("/bench/bare/", path):
            started = time.perf_counter()
            for _ in range(count):
                if not held:
                    pagecache.forget_held()
                call(where)
            took = (time.perf_counter() - started) / count * 1e6
            kind = "held in memory" if held else "from the shared cache"
            print(f"{where} ({kind}): {took:.0f} µs a request")
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            if not held:
                pagecache.forget_held()
            call(path)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(12)
        print(out.getvalue())


def serve(
    port: int, workers: int, cache_seconds: int, recheck: float
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "faelles.settings.base",
        "FAELLES_DEBUG": "0",
        "FAELLES_PAGE_CACHE_SECONDS": str(cache_seconds),
        "FAELLES_PAGE_CACHE_RECHECK": str(recheck),
        # Keep database connections as production does (faelles/settings/
        # production.py, 60 s); base.py's 0 would open one per request.
        "DB_CONN_MAX_AGE": os.environ.get("DB_CONN_MAX_AGE", "60"),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "page_cache_urls:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--keep-alive",
            "30",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/bench/bare/", headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="large")
    parser.add_argument("--slug", default="kobenhavn")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--only", default="accounts,organisations,initiatives,communities,events"
    )
    parser.add_argument(
        "--profile",
        metavar="PATH",
        help="instead of the servers: time and cProfile hits of PATH in this process",
    )
    args = parser.parse_args()
    if args.profile:
        # The servers' settings, in this process (before Django is set up).
        os.environ["FAELLES_PAGE_CACHE_SECONDS"] = "60"
        os.environ.setdefault("DB_CONN_MAX_AGE", "60")
        os.environ["FAELLES_DEBUG"] = "0"

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.base")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from faelles.initiatives.models import Initiative
    from faelles.municipalities.models import Municipality

    seeded = None
    if not Municipality.objects.filter(slug=args.slug).exists():
        start = time.monotonic()
        call_command(
            "seed", municipality=args.slug, scale=args.scale, seed=1, only=args.only
        )
        seeded = time.monotonic() - start
    from bench_pages import settle

    settle(connection)
    initiative = (
        Initiative.objects.filter(municipality__slug=args.slug)
        .order_by("-id")
        .values_list("pk", flat=True)
        .first()
    )
    pages = [
        ("municipality home", f"/{args.slug}/"),
        ("initiatives", f"/{args.slug}/initiativer/"),
        ("an initiative", f"/{args.slug}/initiativer/{initiative}/"),
        ("communities", f"/{args.slug}/faellesskaber/"),
        ("events", f"/{args.slug}/arrangementer/"),
        ("front page", "/"),
    ]
    connection.close()
    if args.profile:
        profile_hits(args.profile)
        return

    results: dict[str, dict[str, float]] = {}
    servers = (
        ("cached", 60, 1.0, 8611),  # the default: a held page re-checked each second
        ("asking", 60, 0.0, 8613),  # a held page checked at every hit
        ("uncached", 0, 0.0, 8612),
    )
    for label, cache_seconds, recheck, port in servers:
        server = serve(port, args.workers, cache_seconds, recheck)
        try:
            bare, errors = hammer(port, "/bench/bare/", args.seconds, args.connections)
            results.setdefault("bare Django view", {})[label] = bare
            for name, path in pages:
                hammer(port, path, 1, 2)  # fill the cache, warm the workers
                rate, errs = hammer(port, path, args.seconds, args.connections)
                errors += errs
                results.setdefault(name, {})[label] = rate
                results[name][f"{label}_ratio"] = rate / bare
            if errors:
                print(f"{label}: {errors} requests failed", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=30)

    print(
        f"\nData: `faelles seed --municipality {args.slug} --scale {args.scale} "
        f"--only {args.only}`"
        + (f" ({seeded:.0f} s)" if seeded else " (already seeded)")
        + f"; gunicorn {args.workers} sync workers; {args.connections} keep-alive "
        f"connections for {args.seconds:.0f} s per line; DB_CONN_MAX_AGE="
        f"{os.environ.get('DB_CONN_MAX_AGE', '60')}; {machine()}\n"
    )
    print(
        "| page | cached req/s | ratio to bare | cached, checking every hit req/s "
        "| ratio to bare | uncached req/s | ratio to bare |"
    )
    print("|---|---|---|---|---|---|---|")
    labels = [label for label, *_ in servers]
    for name, row in results.items():
        cells = []
        for label in labels:
            ratio = (
                "1" if name == "bare Django view" else f"{row[f'{label}_ratio']:.2f}"
            )
            cells += [f"{row[label]:.0f}", ratio]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"\nPython {platform.python_version()}")


if __name__ == "__main__":
    main()
