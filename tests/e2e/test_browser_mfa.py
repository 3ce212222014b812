"""Two-step sign-in in a real browser: setting it up on its own page (the QR code drawn on the page, the
key shown as text, a wrong code refused, the right one accepted), the code step at the next sign-in, the
walk-through for a reviewer whose organisation requires it, MFA_SETUP at a first sign-in, and the
Settings switch. axe-core checks each step. moto checks every code (see test_mfa_over_http.py)."""

from __future__ import annotations

import io
import uuid
from urllib.parse import parse_qs, unquote, urlsplit

import boto3
import browser_support
import pytest
from browser_support import ADMIN, assert_accessible, screenshot
from playwright.sync_api import Page, expect

from infra.sandbox.client import authenticator_code

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch

CHOSEN = "Chosen-pass-1"
QR_NAME = "QR code for your authenticator app"


def fill_sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/index.html")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


def shown_key(page: Page) -> str:
    """The key as the page shows it for typing in by hand (groups of four)."""
    return page.locator(".totp-key").inner_text().replace(" ", "")


def scanned(page: Page) -> str:
    """What an authenticator app reads from the QR code on the screen (zxing-cpp on a screenshot)."""
    import zxingcpp
    from PIL import Image

    image = Image.open(io.BytesIO(page.get_by_role("img", name=QR_NAME).screenshot()))
    [found] = zxingcpp.read_barcodes(image)
    return found.text


def enter_code(page: Page, code: str, button: str) -> None:
    page.get_by_role("textbox", name="Code from the app").fill(code)
    page.get_by_role("button", name=button).click()


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def test_a_reviewer_sets_up_two_step_sign_in_and_is_asked_for_a_code_next_time(sandbox, open_page, watch):
    email = f"totp-{uuid.uuid4().hex[:8]}@example.org"
    sandbox.join(sandbox.sign_in(ADMIN), email, CHOSEN, roles=("reviewers",))
    page = open_page()
    fill_sign_in(page, sandbox.url, email, CHOSEN)
    page.get_by_role("link", name="Two-step sign-in").click()
    expect(page.get_by_role("heading", name="Two-step sign-in is off")).to_be_visible()
    page.get_by_role("button", name="Set up two-step sign-in").click()

    qr = page.get_by_role("img", name=QR_NAME)
    expect(qr).to_be_visible()
    key = shown_key(page)
    uri = urlsplit(scanned(page))
    assert (uri.scheme, uri.netloc, unquote(uri.path)) == ("otpauth", "totp", f"/Understudy:{email}")
    assert parse_qs(uri.query) == {"secret": [key], "issuer": ["Understudy"]}
    expect(page.get_by_role("textbox", name="Code from the app")).to_be_focused()
    assert_accessible(page)
    screenshot(page, "40-mfa-setup")

    code = authenticator_code(key)
    enter_code(page, wrong(code), "Turn on two-step sign-in")
    expect(page.get_by_role("alert").filter(has_text="That code is not right")).to_be_visible()
    enter_code(page, authenticator_code(key), "Turn on two-step sign-in")
    expect(page.get_by_role("heading", name="Two-step sign-in is on")).to_be_focused()
    assert sandbox.api(sandbox.sign_in_with_code(email, CHOSEN, key)).get("/me").json()["mfaEnabled"] is True

    page.get_by_role("button", name="Sign out").click()
    fill_sign_in(page, sandbox.url, email, CHOSEN)
    expect(page.get_by_role("heading", name="Enter your code")).to_be_visible()
    expect(page.get_by_role("textbox", name="Code from the app")).to_be_focused()
    assert_accessible(page)
    enter_code(page, authenticator_code(key), "Sign in")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("heading", name="Write a post")).to_be_visible()
    watch.assert_quiet()


def test_a_reviewer_the_organisation_requires_it_of_is_walked_through_setup_at_sign_in(strict, open_page, watch):
    sandbox = strict.sandbox
    email = f"walk-{uuid.uuid4().hex[:8]}@example.org"  # the strict sandbox is shared: a person of its own
    sandbox.join(strict.admin_token, email, CHOSEN, roles=("reviewers",))
    page = open_page()
    fill_sign_in(page, sandbox.url, email, CHOSEN)

    expect(page).to_have_url(f"{sandbox.url}/mfa.html?next=index.html")
    expect(page.get_by_text("Your organisation requires two-step sign-in")).to_be_visible()
    page.goto(f"{sandbox.url}/queue.html")  # every page sends them back until it is done
    expect(page).to_have_url(f"{sandbox.url}/mfa.html?next=queue.html")
    page.get_by_role("button", name="Set up two-step sign-in").click()
    expect(page.get_by_role("img", name=QR_NAME)).to_be_visible()
    assert_accessible(page)
    enter_code(page, authenticator_code(shown_key(page)), "Turn on two-step sign-in")
    expect(page.get_by_role("heading", name="Two-step sign-in is on")).to_be_visible()

    page.get_by_role("link", name="Continue").click()
    expect(page).to_have_url(f"{sandbox.url}/queue.html")
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
    watch.assert_quiet()


def test_a_first_sign_in_that_cognito_wants_mfa_for_sets_it_up_before_signing_in(strict, open_page, watch):
    """MFA_SETUP (the pool's MFA switched to ON for the test): new password, then setup, then in."""
    sandbox = strict.sandbox
    idp = boto3.client("cognito-idp", endpoint_url=sandbox.aws_endpoint, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")  # noqa: S106
    pool = sandbox.config["userPoolId"]
    email = f"first-{uuid.uuid4().hex[:8]}@example.org"
    invited = sandbox.api(strict.admin_token).post("/users", json={"email": email, "roles": ["reviewers"]})
    assert invited.status_code == 201, invited.text
    [mail] = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if email in m["to"]])
    temporary = mail["text"].rsplit(" ", 1)[1].rstrip(".")
    page = open_page()
    idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="ON",
                                 SoftwareTokenMfaConfiguration={"Enabled": True})
    try:
        fill_sign_in(page, sandbox.url, email, temporary)
        page.get_by_label("New password", exact=True).fill(CHOSEN)
        page.get_by_label("Repeat the new password").fill(CHOSEN)
        page.get_by_role("button", name="Set password and sign in").click()
        expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
        expect(page.get_by_role("img", name=QR_NAME)).to_be_visible()
        assert_accessible(page)
        screenshot(page, "41-mfa-setup-at-sign-in")
        enter_code(page, authenticator_code(shown_key(page)), "Turn on two-step sign-in and sign in")
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    finally:
        idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="OPTIONAL",
                                     SoftwareTokenMfaConfiguration={"Enabled": True})
    expect(page.get_by_role("heading", name="Write a post")).to_be_visible()  # not sent to set it up again
    listed = {p["email"]: p for p in sandbox.api(strict.admin_token).get("/users").json()["items"]}
    assert listed[email]["mfaEnabled"] is True
    watch.assert_quiet()


def test_an_admin_without_two_step_sign_in_cannot_require_it_and_is_told_by_the_switch(sandbox, open_page, watch):
    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{sandbox.url}/settings.html")
    switch = page.get_by_label("Require two-step sign-in (MFA) for admins and reviewers")
    expect(switch).not_to_be_checked()
    switch.check()
    page.get_by_role("button", name="Save settings").click()

    expect(page.locator("#requireMfa-error")).to_contain_text("for yourself")
    expect(switch).to_have_attribute("aria-invalid", "true")
    assert sandbox.api(sandbox.sign_in(ADMIN)).get("/settings").json()["requireMfa"] is False
    assert_accessible(page)
    watch.assert_quiet()


def test_the_settings_page_shows_that_mfa_is_required(strict, open_page, watch):
    page = open_page(strict.admin_token)
    page.goto(f"{strict.sandbox.url}/settings.html")
    expect(page.get_by_label("Require two-step sign-in (MFA) for admins and reviewers")).to_be_checked()
    assert_accessible(page)
    watch.assert_quiet()
