"""What the function catalog says about channels: who may touch their credentials, which routes exist."""

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
