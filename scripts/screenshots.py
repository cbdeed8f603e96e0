"""Take Chromium screenshots of the main pages of a running server (for looking, not testing).

.venv/bin/python scripts/screenshots.py http://127.0.0.1:8000 /tmp/shots
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SLUG = "nordwerk-crm-vision"


def main(base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, viewport in [("desktop", (1280, 900)), ("phone", (390, 844))]:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: m.type == "error" and errors.append(m.text))
            page.goto(base + "/")
            page.screenshot(path=out / f"{name}-home.png", full_page=True)
            page.goto(base + "/accounts/login/")
            page.fill("#id_username", "facilitator")
            page.fill("#id_password", "vision-demo")
            page.click("button[type=submit]")
            for path in [
                "workshops/",
                f"w/{SLUG}/",
                f"w/{SLUG}/stakeholders/",
                f"w/{SLUG}/areas/",
                f"w/{SLUG}/report/",
            ]:
                page.goto(base + "/" + path)
                page.screenshot(
                    path=out / f"{name}-{path.strip('/').replace('/', '_')}.png", full_page=True
                )
            page.click("nav >> text=Invitations")
            page.screenshot(path=out / f"{name}-questionnaire.png", full_page=True)
            link = page.locator("input[readonly]").first.input_value()
            page.click("nav >> text=Results")
            page.screenshot(path=out / f"{name}-answers.png", full_page=True)
            page.goto(link)
            page.screenshot(path=out / f"{name}-stakeholder.png", full_page=True)
            page.goto(base + "/s/nope.nope/")
            page.screenshot(path=out / f"{name}-404.png", full_page=True)
            print(name, "console errors:", errors)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
