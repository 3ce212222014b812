"""The console's own modules in headless Chromium, no sandbox needed: the safe Markdown renderer and the
character count. Served from console/ by a throwaway static server, imported as the pages import them."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

pytestmark = pytest.mark.browser

CONSOLE = Path(__file__).resolve().parents[2] / "console"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(SimpleHTTPRequestHandler):
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
def page() -> Iterator[Page]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(CONSOLE)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/blank.html")
            yield page
            assert dialogs == [], f"a dialog opened: {dialogs}"
            browser.close()
    finally:
        server.shutdown()


def render(page: Page, markdown: str) -> dict:
    """Render into the page and describe what the browser built from it."""
    return page.evaluate(
        """async (source) => {
            const { renderMarkdownInto } = await import('/js/markdown.js');
            const box = document.createElement('div');
            document.body.replaceChildren(box);
            renderMarkdownInto(box, source);
            await new Promise((resolve) => setTimeout(resolve, 50));
            const tags = [...box.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());
            const attributes = [...box.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name));
            const links = [...box.querySelectorAll('a')].map((a) => ({
                href: a.getAttribute('href'), rel: a.getAttribute('rel'), text: a.textContent }));
            return { tags, attributes, links, text: box.textContent, html: box.innerHTML };
        }""",
        markdown,
    )


def test_markdown_renders_headings_lists_emphasis_and_http_links(page):
    out = render(page, "# Rules\n\nBe **kind** and *clear*.\n\n- one\n- two with [policy](https://example.org/p?a=1&b=2)"
                       "\n\n1. first\n2. second")
    assert out["tags"] == ["h3", "p", "strong", "em", "ul", "li", "li", "a", "ol", "li", "li"]
    assert out["links"] == [{"href": "https://example.org/p?a=1&b=2", "rel": "noopener noreferrer", "text": "policy"}]


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    '[x](https://example.org/" onmouseover="alert(1))',
    "**<svg onload=alert(1)>**",
    "# <iframe srcdoc='<script>alert(1)</script>'>",
    "- [a](https://e.org/`x`) `<b>` _<i>_",
])
def test_markdown_never_turns_input_into_markup_or_script(page, hostile):
    out = render(page, hostile)
    assert set(out["tags"]) <= {"p", "h3", "strong", "em", "ul", "ol", "li", "a", "code"}
    assert set(out["attributes"]) <= {"href", "rel", "target"}
    assert all(link["href"].startswith("https://") for link in out["links"])
    assert "alert(1)" in out["text"] or "alert" not in hostile  # the words stay visible, as text


def test_composer_counts_as_the_api_does(page):
    from understudy.text import weighted_length

    samples = ["caf\u00e9", "cafe\u0301", "\U0001F44D launch", "\u65e5\u672c\u8a9e",
               "see https://example.org/a/very/long/path/that/goes/on/and/on", "x" * 280]
    counts = page.evaluate(
        """async (samples) => {
            const { countCharacters, measure } = await import('/js/text.js');
            return { counts: samples.map(countCharacters), empty: measure('   ').empty,
                     limit: measure('x'.repeat(280)).over, over: measure('x'.repeat(281)).remaining };
        }""", samples)
    assert counts["counts"] == [weighted_length(text) for text in samples]
    assert counts["counts"][:4] == [4, 4, 9, 6]  # NFC; emoji and CJK count 2
    assert counts["counts"][4] == 4 + 23  # a URL counts 23 whatever its length
    assert (counts["empty"], counts["limit"], counts["over"]) == (True, False, -1)


def test_escape_html_escapes_the_five_characters(page):
    escaped = page.evaluate("""async () => (await import('/js/dom.js')).escapeHtml(`<a href="x">'&'</a>`)""")
    assert escaped == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
