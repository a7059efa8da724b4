#!/usr/bin/env python3
"""Screenshots of every main page at 390 px (a phone) and 1280 px (a desktop), for
reviewers: ``make screenshots`` writes them to var/screenshots/<width>/.

It builds the demo in its own SQLite file (var/screenshots/demo.sqlite3), serves it
on a free local port and drives Debian's Chromium through Playwright — as an
anonymous visitor and as the demo's citizen, employee and administrator of each
area's showcase municipality. Nothing is fetched from the network.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "screenshots"
CHROMIUM = os.environ.get("FAELLES_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WIDTHS = (390, 1280)
PASSWORD = "faelles-demo"  # noqa: S105 — the documented demo password
# (who, paths): who is None for an anonymous visitor.
PAGES = [
    (
        None,
        [
            "/",
            "/rodovre/",
            "/rodovre/borgerbudget/",
            "/kerteminde/ressourcer/",
            "/kerteminde/ressourcer/kort/",
            "/kerteminde/initiativer/",
            "/skanderborg/initiativer/laeringsbank/",
            "/kerteminde/initiativer/historier/",
            "/odense/faellesskaber/",
            "/odense/arrangementer/",
            "/odense/bevaegelser/",
            "/odense/organisationer/",
            "/om/privatliv/",
            "/accounts/login/",
            "/accounts/signup/",
        ],
    ),
    ("borger@rodovre.faelles.example", ["/rodovre/", "/me/", "/me/beskeder/"]),
    (
        "medarbejder@kerteminde.faelles.example",
        ["/kerteminde/initiativer/mine-opgaver/", "/kerteminde/ressourcer/formidling/"],
    ),
    (
        "admin@odense.faelles.example",
        ["/odense/administration/", "/odense/administration/log/"],
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def name_of(who: str | None, path: str) -> str:
    person = (who or "anonym").split("@")[0]
    slug = path.strip("/").replace("/", "_") or "forside"
    return f"{person}--{slug}.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "FAELLES_VAR_DIR": str(OUT)}
    env.setdefault("DJANGO_SETTINGS_MODULE", "faelles.settings.base")
    python = sys.executable
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "faelles.sqlite3").unlink(missing_ok=True)
    subprocess.run([python, "-m", "faelles", "demo"], env=env, check=True, cwd=ROOT)
    port = free_port()
    server = subprocess.Popen(
        [python, "-m", "faelles", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(base + "/healthz", timeout=1)  # noqa: S310 — our own server
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            count = 0
            for width in WIDTHS:
                folder = OUT / str(width)
                folder.mkdir(exist_ok=True)
                for who, paths in PAGES:
                    context = browser.new_context(
                        viewport={"width": width, "height": 900}, locale="da-DK"
                    )
                    page = context.new_page()
                    if who:
                        page.goto(base + "/accounts/login/")
                        page.get_by_label("E-mail").fill(who)
                        page.get_by_label("Adgangskode").fill(PASSWORD)
                        page.get_by_role("button", name="Log ind").last.click()
                        page.wait_for_load_state()
                    for path in paths:
                        page.goto(base + path)
                        page.screenshot(
                            path=folder / name_of(who, path), full_page=True
                        )
                        count += 1
                    context.close()
            browser.close()
        print(f"{count} screenshots in {OUT.relative_to(ROOT)}/")
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
