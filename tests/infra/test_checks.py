"""The synthesised template passes cdk-nag's AwsSolutions pack and cfn-lint."""

from __future__ import annotations

import json

from infra.stack.nag import MIN_REASON

# cfn-lint warnings accepted, each with why. Nothing else may be reported, errors never.
ACCEPTED_CFN_LINT_WARNINGS = {
    # CDK adds an explicit DependsOn from each function to its role and the role's policy, so the
    # policy exists before the function first runs; the role half is redundant with the GetAtt.
    "W3005",
}
LINT_REGIONS = ["us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-2"]


def _violations(synth, plugin_name: str) -> list[str]:
    return [
        f"{violation['ruleName']} at {construct['constructPath']}: {violation['description']}"
        for plugin in (synth.validation_report or {}).get("pluginReports", [])
        if plugin["pluginName"] == plugin_name
        for violation in plugin.get("violations", [])
        for construct in violation.get("violatingConstructs", [])
    ]


def test_aws_solutions_checks_leave_no_unacknowledged_finding(synth):
    findings = _violations(synth, "AwsSolutions")
    assert not findings, "cdk-nag findings nobody acknowledged:\n" + "\n".join(findings)
    assert synth.validation_error is None
    assert all(plugin["conclusion"] == "success" for plugin in synth.validation_report["pluginReports"])


def test_the_only_warnings_are_that_the_offline_layers_cannot_be_deployed(synth):
    """CDK puts construct warnings in the same report; a new one should be read, not scrolled past."""
    warnings = _violations(synth, "Construct Annotations")
    assert sorted(warning.split(": ", 1)[0] for warning in warnings) == [
        "Annotation::understudy:layer-source-only at Understudy/ImagesLayer",
        "Annotation::understudy:layer-source-only at Understudy/SharedLayer"], warnings


def test_the_app_registers_the_aws_solutions_pack(synth):
    """Without the plugin the test above would pass vacuously. (Validations.of(app).plugins is not in
    the Python binding of aws-cdk-lib 2.275; the deprecated Stage property lists the same plugins.)"""
    assert [plugin.name for plugin in synth.app.policy_validation_beta1] == ["AwsSolutions"]


def test_the_pack_fails_synthesis_on_a_finding():
    from aws_cdk import App, Stack, aws_s3

    from infra.stack import nag

    app = App()
    nag.check(app)
    aws_s3.Bucket(Stack(app, "Probe"), "PlainHttpAllowed", enforce_ssl=False)
    try:
        app.synth()
    except RuntimeError as exc:
        assert "AwsSolutions" in str(exc) or "Validation" in str(exc)
    else:
        raise AssertionError("cdk-nag let a bucket that accepts plain HTTP through")


def _acknowledgements(synth) -> list[tuple[str, str, str]]:
    from aws_cdk import Validations

    key = Validations.ACKNOWLEDGED_RULES_METADATA_KEY
    found = []
    for construct in synth.app.node.find_all():
        for entry in construct.node.metadata:
            if entry.type == key:
                found.extend((construct.node.path, rule, reason) for rule, reason in entry.data.items())
    return found


def test_every_acknowledgement_names_an_aws_solutions_rule_and_says_why(synth):
    acknowledgements = _acknowledgements(synth)
    assert acknowledgements, "the stack acknowledges no findings at all: were the acknowledgements dropped?"
    for path, rule, reason in acknowledgements:
        assert "AwsSolutions-" in rule, (path, rule)
        assert len(reason) >= MIN_REASON and reason[0].isupper() and reason.endswith("."), (path, rule, reason)


def test_nothing_is_acknowledged_stack_wide(synth):
    """Each acknowledgement sits on the construct it is about, so it cannot hide a new finding elsewhere."""
    for path, rule, _ in _acknowledgements(synth):
        assert path.count("/") >= 1 and path != synth.stack.node.path, (path, rule)


def test_cfn_lint_reports_no_error_and_only_accepted_warnings(synth):
    from cfnlint.api import lint

    matches = lint(json.dumps(synth.template), regions=LINT_REGIONS)
    unexpected = [f"{m.rule.id} {m.message} ({'/'.join(map(str, m.path))})" for m in matches
                  if m.rule.id.startswith("E") or m.rule.id not in ACCEPTED_CFN_LINT_WARNINGS]
    assert not unexpected, "\n".join(unexpected)
