"""One synthesis of the whole app, shared by every test here (synthesising takes seconds, not the tests).

It runs offline: the layers are packaged without their requirements (``bundle=false``), and the
AwsSolutions checks run as they do in a deploy. A failed validation does not stop the fixture: the
template is written before validation runs, so the other tests still look at it, and the cdk-nag
test reports the findings.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

# jsii's notices about Node 20 would otherwise fill the test output.
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_DEPRECATED", "quiet")

CONTEXT = {
    "senderEmail": "understudy@example.org",
    "adminEmail": "first.admin@example.org",
    "adminName": "First Admin",
    "bundle": "false",
}


@dataclass
class Synthesis:
    app: object  # aws_cdk.App
    stack: object  # infra.stack.UnderstudyStack
    outdir: Path
    template: dict
    validation_error: str | None
    validation_report: dict | None

    @property
    def resources(self) -> dict[str, dict]:
        return self.template["Resources"]

    def of_type(self, resource_type: str) -> dict[str, dict]:
        return {name: resource for name, resource in self.resources.items() if resource["Type"] == resource_type}

    def logical_id(self, construct) -> str:
        """The logical id of an L2 construct's CloudFormation resource."""
        from aws_cdk import Stack

        element = getattr(construct.node, "default_child", None) or construct
        return Stack.of(construct).resolve(Stack.of(construct).get_logical_id(element))


@pytest.fixture(scope="session")
def synth(tmp_path_factory) -> Synthesis:
    from infra.app import build, new_app

    outdir = tmp_path_factory.mktemp("cdk.out")
    app = new_app(CONTEXT, outdir=str(outdir))
    stack = build(app)
    error = None
    try:
        app.synth()
    except RuntimeError as exc:  # ValidationFailed: the report is in the outdir
        error = str(exc)
    report = outdir / "validation-report.json"
    return Synthesis(
        app=app, stack=stack, outdir=outdir,
        template=json.loads((outdir / stack.template_file).read_text()),
        validation_error=error,
        validation_report=json.loads(report.read_text()) if report.exists() else None,
    )


@pytest.fixture(scope="session")
def template(synth: Synthesis):
    """The same template for aws_cdk.assertions."""
    from aws_cdk.assertions import Template

    return Template.from_json(synth.template)
