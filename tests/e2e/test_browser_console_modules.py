"""The console's own modules in headless Chromium, no sandbox needed: the safe Markdown renderer and
escaping (the character count: test_browser_counting.py). Served from console/ by a throwaway static
server, imported as the pages import them."""

from __future__ import annotations

import browser_support
import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

browser = browser_support.browser
console_module_page = browser_support.console_module_page


@pytest.fixture(scope="module")
def page(console_module_page: Page) -> Page:
    return console_module_page


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


def test_escape_html_escapes_the_five_characters(page):
    escaped = page.evaluate("""async () => (await import('/js/dom.js')).escapeHtml(`<a href="x">'&'</a>`)""")
    assert escaped == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
