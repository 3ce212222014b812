"""What the operator passes with -c, and what happens when it is missing or wrong."""

from __future__ import annotations

import pytest

from infra.stack.settings import Settings, SettingsError


def test_a_sender_is_required_and_the_error_says_how_to_give_one():
    with pytest.raises(SettingsError, match="-c senderEmail="):
        Settings.of()


def test_a_sender_domain_alone_gives_an_address_in_it():
    settings = Settings.of(sender_domain="Example.ORG")
    assert settings.sender_email == "understudy@example.org" and settings.sender_domain == "example.org"


def test_the_sender_address_must_be_in_the_sender_domain():
    with pytest.raises(SettingsError, match="not an address in senderDomain"):
        Settings.of(sender_email="news@elsewhere.net", sender_domain="example.org")


@pytest.mark.parametrize("value", ["not-an-address", "a@b", "two@@example.org"])
def test_malformed_addresses_are_refused(value):
    with pytest.raises(SettingsError):
        Settings.of(sender_email=value)
    with pytest.raises(SettingsError):
        Settings.of(sender_email="ok@example.org", admin_email=value)


def test_the_first_admin_is_optional_and_named_after_their_address_by_default():
    assert Settings.of(sender_email="ok@example.org").admin_email is None
    admin = Settings.of(sender_email="ok@example.org", admin_email="Ada.Lovelace@Example.org")
    assert admin.admin_email == "ada.lovelace@example.org" and admin.admin_name == "ada.lovelace"


@pytest.mark.parametrize(("value", "bundled"), [(None, True), ("true", True), ("false", False), ("0", False),
                                               (False, False)])
def test_the_layer_is_bundled_unless_told_otherwise(value, bundled):
    assert Settings.of(sender_email="ok@example.org", bundle=value).bundle is bundled


def test_alarms_email_the_first_admin_unless_an_alert_address_is_given():
    assert Settings.of(sender_email="ok@example.org").alert_email is None
    assert Settings.of(sender_email="ok@example.org", admin_email="Ada@Example.org").alert_email == "ada@example.org"
    ops = Settings.of(sender_email="ok@example.org", admin_email="ada@example.org", alert_email="Ops@Example.org")
    assert ops.alert_email == "ops@example.org"
    with pytest.raises(SettingsError, match="alertEmail"):
        Settings.of(sender_email="ok@example.org", alert_email="not-an-address")
