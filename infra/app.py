"""The CDK app: ``cdk deploy --app '.venv/bin/python -m infra.app'`` (``make deploy``).

The operator's choices come from CDK context: ``-c senderEmail=...`` (required; or ``-c senderDomain=...``),
``-c adminEmail=...`` (the first admin), ``-c bundle=false`` (offline synth; not deployable).
The AwsSolutions checks run during synthesis and stop it on any finding not acknowledged with a reason.

The stack is environment-agnostic: it deploys to the account and region of the operator's credentials,
and the template refers to them as AWS::AccountId and AWS::Region, the same in every synth.
"""

from __future__ import annotations

import json
import sys

from aws_cdk import App

from infra.functions import ROOT
from infra.stack import Settings, SettingsError, UnderstudyStack, nag

CDK_JSON = ROOT / "cdk.json"


def project_context() -> dict:
    """cdk.json's context (CDK's recommended feature flags). The CDK CLI passes it on by itself; an app
    made here (``make synth``, the tests) takes it from this, so every synth builds the same template."""
    return json.loads(CDK_JSON.read_text(encoding="utf-8")).get("context", {})


def new_app(context: dict | None = None, outdir: str | None = None) -> App:
    """An app with cdk.json's context under ``context``; values from the CDK CLI override both."""
    return App(context={**project_context(), **(context or {})}, outdir=outdir)


def build(app: App, settings: Settings | None = None) -> UnderstudyStack:
    """The stack, with cdk-nag registered on the app. Settings default to the app's context."""
    stack = UnderstudyStack(app, settings=settings or Settings.from_node(app.node))
    nag.check(app)
    return stack


def main() -> int:
    app = new_app()
    try:
        build(app)
    except SettingsError as exc:
        print(f"infra.app: {exc}", file=sys.stderr)
        return 2
    app.synth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
