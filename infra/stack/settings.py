"""What the operator chooses at deploy time, read from CDK context (``-c key=value`` or cdk.context.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from constructs import Node

from infra.stack import names

EMAIL = re.compile(r"^[^@\s]+@([^@\s]+\.[^@\s]+)$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
FALSE = {"false", "0", "no", "off"}


class SettingsError(ValueError):
    """A context value is missing or malformed; the message says what to pass."""


@dataclass(frozen=True)
class Settings:
    sender_email: str
    # When set, SES verifies the whole domain (DKIM records); otherwise only the sender address.
    sender_domain: str | None
    # The first admin, invited by Cognito on the first deploy.
    admin_email: str | None
    admin_name: str
    # Who the alarms email (the alerts topic's subscription); defaults to admin_email.
    alert_email: str | None
    # False: the layer holds only the understudy package, not its requirements (offline synth, tests).
    bundle: bool

    @classmethod
    def from_node(cls, node: Node) -> Settings:
        def get(key: str) -> str | None:
            value = node.try_get_context(key)
            return str(value).strip() if value not in (None, "") else None

        return cls.of(sender_email=get(names.CTX_SENDER_EMAIL), sender_domain=get(names.CTX_SENDER_DOMAIN),
                      admin_email=get(names.CTX_ADMIN_EMAIL), admin_name=get(names.CTX_ADMIN_NAME),
                      alert_email=get(names.CTX_ALERT_EMAIL), bundle=get(names.CTX_BUNDLE))

    @classmethod
    def of(cls, *, sender_email: str | None = None, sender_domain: str | None = None,
           admin_email: str | None = None, admin_name: str | None = None, alert_email: str | None = None,
           bundle: str | bool | None = None) -> Settings:
        domain = sender_domain.lower() if sender_domain else None
        if domain and not DOMAIN.match(domain):
            raise SettingsError(f"senderDomain {sender_domain!r} is not a domain name such as example.org.")
        if not sender_email and domain:
            sender_email = f"understudy@{domain}"
        if not sender_email:
            raise SettingsError(
                "Understudy needs an address to send email from: pass -c senderEmail=understudy@your-domain "
                "(and optionally -c senderDomain=your-domain to verify the whole domain). See README, Deploy to AWS.")
        match = EMAIL.match(sender_email)
        if not match:
            raise SettingsError(f"senderEmail {sender_email!r} is not an email address.")
        if domain and match[1].lower() != domain:
            raise SettingsError(f"senderEmail {sender_email!r} is not an address in senderDomain {domain!r}.")
        admin_email = _address(names.CTX_ADMIN_EMAIL, admin_email)
        alert_email = _address(names.CTX_ALERT_EMAIL, alert_email)
        if isinstance(bundle, str):
            bundle = bundle.lower() not in FALSE
        return cls(sender_email=sender_email, sender_domain=domain, admin_email=admin_email,
                   admin_name=(admin_name or (admin_email or "").split("@")[0]).strip(),
                   alert_email=alert_email or admin_email,
                   bundle=True if bundle is None else bool(bundle))


def _address(key: str, value: str | None) -> str | None:
    """An optional email address, lower-cased, or a SettingsError naming the context key."""
    if value is None:
        return None
    if not EMAIL.match(value):
        raise SettingsError(f"{key} {value.lower()!r} is not an email address.")
    return value.lower()
