"""Secrets Manager: the link-signing key.

understudy.links reads ``{"current": "<key id>", "keys": {"<key id>": "<urlsafe base64 key>"}}``.
Secrets Manager's generator can only put one random string at the top level of a JSON template, not
inside ``keys``, so the secret is created with a placeholder of the right shape and the deploy-time
setup (setup.py) writes the real key: 32 random bytes from Python's ``secrets``, once. Later deploys
leave a secret that already holds keys alone, so links in flight keep working and a key rotated by
hand is never replaced.

The channels' credential secrets are not here: the API creates ``understudy/channels/<channel id>``
when an admin connects a channel (it checks the credentials with X first), so the stack grants on
that name prefix instead (see lambdas.py).
"""

from __future__ import annotations

import json

from aws_cdk import RemovalPolicy
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra.stack import names
from infra.stack.nag import acknowledge

PLACEHOLDER_KEY = "placeholder"


class LinkKey(Construct):
    def __init__(self, scope: Construct, construct_id: str):
        super().__init__(scope, construct_id)
        self.secret = secretsmanager.Secret(
            self, "Secret",
            description="Understudy: the keys that sign review links (written once by the deploy-time setup)",
            generate_secret_string=secretsmanager.SecretStringGenerator(
                secret_string_template=json.dumps({"current": names.FIRST_LINK_KEY_ID, "keys": {}}),
                generate_string_key=PLACEHOLDER_KEY,
                exclude_punctuation=True,
            ),
            removal_policy=RemovalPolicy.DESTROY,
        )
        acknowledge(self.secret, "AwsSolutions-SMG4",
                    "The link key rotates by hand without breaking links in flight: add a new key id under "
                    "keys and make it current, keep the old one until its links expire (README, Deploy to AWS). "
                    "Automatic rotation would need a rotation function that knows this format.")
