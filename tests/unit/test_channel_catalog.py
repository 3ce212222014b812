"""What the function catalog says about channels: who may touch their credentials, which routes exist."""

import pytest
from understudy.config import Config, config

from infra.functions import BY_NAME, CHANNEL_SECRET_ACTIONS, CHANNEL_SECRET_PREFIX, READ, WRITE, routes


def test_only_the_api_writes_channel_credentials_and_only_publish_reads_them():
    access = {name: spec.channel_secrets for name, spec in BY_NAME.items() if spec.channel_secrets}
    assert access == {"api": WRITE, "publish": READ}
    assert set(CHANNEL_SECRET_ACTIONS[READ]) < set(CHANNEL_SECRET_ACTIONS[WRITE])
    assert "secretsmanager:GetSecretValue" in CHANNEL_SECRET_ACTIONS[READ]
    assert {"secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret",
            "secretsmanager:RestoreSecret"} <= set(CHANNEL_SECRET_ACTIONS[WRITE])


def test_the_granted_prefix_is_the_one_the_functions_use_by_default(monkeypatch):
    monkeypatch.delenv("CHANNEL_SECRET_PREFIX", raising=False)
    config.cache_clear()
    try:
        assert config().channel_secret_prefix == CHANNEL_SECRET_PREFIX
    finally:
        config.cache_clear()
    assert "channel_secret_prefix" in Config.__dataclass_fields__


def test_admins_connect_and_remove_channels_through_the_api_function():
    table = routes()
    for key in ("GET /channels", "POST /channels", "DELETE /channels/{id}"):
        assert table[key].name == "api"


def test_every_kind_is_one_module_with_its_client_and_what_connecting_asks_for():
    from understudy import channels

    for kind, target in channels.KINDS.items():
        module = channels.kind_module(kind)
        client = getattr(module, target.split(":")[1])
        assert callable(client.publish) and callable(client.live_post) and isinstance(client.idempotent, bool)
    forms = channels.connectable()
    assert set(forms) == {"x", "mastodon", "bluesky"}  # the sandbox's `local` is not connected by admins
    for kind, form in forms.items():
        assert callable(channels.kind_module(kind).connect) and form.fields and form.label
        assert len({f.key for f in form.fields}) == len(form.fields)
        assert not {f.key for f in form.fields} & {"kind", "name"}


def test_registering_a_kind_is_enough_for_the_api_to_accept_its_connection(monkeypatch):
    """A new network: its module (client, CONNECT, connect) and one line in KINDS; the request body and
    GET /channels/kinds follow from them."""
    import sys
    import types

    from pydantic import TypeAdapter, ValidationError
    from understudy import channel_admin, channels, schemas

    module = types.ModuleType("fake_network")
    module.CONNECT = channels.ConnectForm("Fake", "Ask the fake network for a key.",
                                          (channels.ConnectField("key", "Key", secret=True),))
    module.FakeChannel = type("FakeChannel", (), {"idempotent": True})
    monkeypatch.setitem(sys.modules, "fake_network", module)
    monkeypatch.setitem(channels.KINDS, "fake", "fake_network:FakeChannel")

    body = TypeAdapter(schemas._new_channel()).validate_python({"kind": "fake", "name": "F", "key": "k-1"})
    assert body.credentials() == {"key": "k-1"} and "k-1" not in repr(body)
    with pytest.raises(ValidationError):
        TypeAdapter(schemas._new_channel()).validate_python({"kind": "fake", "name": "F"})
    assert {"kind": "fake", "label": "Fake", "intro": "Ask the fake network for a key.",
            "fields": [{"key": "key", "label": "Key", "hint": "", "secret": True, "maxLength": 200}]
            } in channel_admin.kinds()


def test_the_console_knows_no_network_by_name():
    """The Channels page takes each network's fields from GET /channels/kinds: adding one changes no console file
    but its length rule in count.js."""
    from pathlib import Path

    console = Path(__file__).resolve().parents[2] / "console"
    for path in [*console.glob("*.html"), *console.glob("js/*.js")]:
        if path.name == "count.js":  # the one console file a network adds to: its length rule
            continue
        text = path.read_text(encoding="utf-8").lower()
        assert "mastodon" not in text and "bluesky" not in text, path.name
