"""What the console's browser tests share: Debian's headless Chromium through Playwright, a page per
person (their own sessionStorage), a watch on dialogs and page errors, screenshots, and axe-core.

Fixtures are imported by the test modules that use them (``from browser_support import ...``)."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
CONSOLE = ROOT / "console"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PASSWORD = "Demo-pass-1"
ADMIN, REVIEWER = "admin@example.org", "reviewer@example.org"
TRAINEE, AUTHOR = "trainee@example.org", "author@example.org"
TOKEN_KEY = "understudy.idToken"


def axe_source() -> str:
    """axe-core's browser bundle, as shipped in the axe-playwright-python wheel (the dev extra)."""
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


class Watch:
    """Everything a page does that it should not: dialogs (an alert from injected script), page errors."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []

    def attach(self, context: BrowserContext) -> None:
        def on_page(page: Page) -> None:
            page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
            page.on("pageerror", lambda error: self.errors.append(str(error)))

        context.on("page", on_page)

    def assert_quiet(self) -> None:
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"the page threw: {self.errors}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _ConsoleFiles(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}

    def do_GET(self):
        if self.path == "/blank.html":  # an empty page of the same origin to import modules into
            body = b"<!doctype html><html lang='en'><meta charset='utf-8'><title>t</title><body></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def console_module_page(browser: Browser) -> Iterator[Page]:
    """A page of the console's origin (its files from a throwaway static server, no sandbox) with nothing on
    it, to import the console's modules into and call them as the pages do."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_ConsoleFiles, directory=str(CONSOLE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watch = Watch()
    context = browser.new_context()
    watch.attach(context)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/blank.html")
        yield page
        watch.assert_quiet()
    finally:
        context.close()
        server.shutdown()


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(browser: Browser, watch: Watch):
    """``open_page(token=None, width=1280, height=900)``: a page in a fresh context (one person per
    context). With ``token`` the person is already signed in (the ID token in sessionStorage, as the
    sign-in form leaves it), which saves each test the sign-in form."""
    contexts: list[BrowserContext] = []

    def make(token: str | None = None, width: int = 1280, height: int = 900) -> Page:
        context = browser.new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(10_000)
        if token:
            context.add_init_script(
                "try { if (location.protocol === 'http:' && !sessionStorage.getItem('understudy.seeded')) {"
                f" sessionStorage.setItem({json.dumps(TOKEN_KEY)}, {json.dumps(token)});"
                " sessionStorage.setItem('understudy.seeded', '1'); } } catch (e) { /* no storage here */ }")
        watch.attach(context)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/index.html")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA and best practice)."""
    if not page.evaluate("() => Boolean(window.axe)"):
        # Evaluated over the DevTools protocol, which the pages' CSP (script-src 'self') does not govern.
        page.evaluate(axe_source() + "\n;undefined")
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["target"][0] if isinstance(n["target"][0], str)
                                                                      else str(n["target"]) for n in v["nodes"][:3])
            for v in result["violations"] if v.get("impact") in ("serious", "critical")]


def assert_accessible(page: Page) -> None:
    problems = serious_violations(page)
    assert problems == [], "axe-core found serious or critical violations:\n" + "\n".join(problems)
