#!/usr/bin/env python3
"""Page heights of the resource list (with its filters) and the need form at
390 px and 1280 px, measured in Debian's Chromium through Playwright.

Run it against a server that holds the demo (``faelles demo``):

    .venv/bin/python scripts/measure_resource_pages.py http://127.0.0.1:8001

It logs in as the demo's Rødovre citizen and prints one line per page and width:
the height of the whole document in CSS pixels. Nothing is fetched from the
network.
"""

import os
import sys

CHROMIUM = os.environ.get("FAELLES_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
WIDTHS = (390, 1280)
WHO = "borger@rodovre.faelles.example"
PASSWORD = "faelles-demo"  # noqa: S105 — the documented demo password
PAGES = ["/rodovre/ressourcer/", "/rodovre/ressourcer/opret/behov/"]


def main(base: str) -> int:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in WIDTHS:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, locale="da-DK"
            )
            page = context.new_page()
            page.goto(base + "/accounts/login/")
            page.get_by_label("E-mail").fill(WHO)
            page.get_by_label("Adgangskode").fill(PASSWORD)
            page.get_by_role("button", name="Log ind").last.click()
            page.wait_for_load_state()
            for path in PAGES:
                page.goto(base + path)
                height = page.evaluate("document.documentElement.scrollHeight")
                wide = page.evaluate("document.documentElement.scrollWidth")
                print(f"{width:>5} px  {path:<40} height {height:>5} px  width {wide}")
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8001"))
