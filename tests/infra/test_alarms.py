"""Alarms that reach a person, and the dashboard: each alarm watches the metric CloudWatch really
carries (AWS's namespaces and dimensions, or the ones Powertools adds) and emails the alerts topic."""

from __future__ import annotations

import json

import pytest
from understudy import observability

from infra import functions as catalog
from infra.stack import names
from tests.infra.conftest import CONTEXT


@pytest.fixture(scope="module")
def alarms(synth) -> dict[str, dict]:
    """Alarm construct id (as in infra/stack/alarms.py) -> its CloudFormation properties."""
    return {watch_id: synth.resources[synth.logical_id(alarm)]["Properties"]
            for watch_id, alarm in synth.stack.alerts.alarms.items()}


@pytest.fixture(scope="module")
def topic_ref(synth) -> dict:
    return {"Ref": synth.logical_id(synth.stack.alerts.topic)}


def dimensions(props: dict) -> dict:
    return {d["Name"]: d["Value"] for d in props.get("Dimensions", [])}


def test_the_alerts_topic_is_encrypted_with_a_key_cloudwatch_may_use_and_emails_the_admin(synth, topic_ref):
    topic = synth.resources[topic_ref["Ref"]]["Properties"]
    key_id = topic["KmsMasterKeyId"]["Fn::GetAtt"][0]
    key = synth.resources[key_id]["Properties"]
    assert key["EnableKeyRotation"] is True
    cloudwatch = [s for s in key["KeyPolicy"]["Statement"]
                  if s.get("Principal") == {"Service": "cloudwatch.amazonaws.com"}]
    assert cloudwatch and {"kms:Decrypt", "kms:GenerateDataKey*"} <= set(cloudwatch[0]["Action"])
    (subscription,) = synth.of_type("AWS::SNS::Subscription").values()
    assert subscription["Properties"]["Protocol"] == "email"
    assert subscription["Properties"]["Endpoint"] == CONTEXT["adminEmail"]  # alertEmail defaults to it
    assert subscription["Properties"]["TopicArn"] == topic_ref


def test_the_topic_refuses_plain_http_and_lets_cloudwatch_publish_only_for_this_account(synth, topic_ref):
    (policy,) = [p["Properties"] for p in synth.of_type("AWS::SNS::TopicPolicy").values()
                 if topic_ref in p["Properties"]["Topics"]]
    statements = policy["PolicyDocument"]["Statement"]
    assert any(s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
               for s in statements)
    (publish,) = [s for s in statements if s.get("Principal") == {"Service": "cloudwatch.amazonaws.com"}]
    assert publish["Action"] == "sns:Publish"
    assert publish["Condition"] == {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}


def test_every_alarm_emails_the_alerts_topic_when_it_fires_and_when_it_is_over(alarms, topic_ref):
    assert len(alarms) == 7 + 2 * len(catalog.FUNCTIONS)
    for watch_id, props in alarms.items():
        assert props["AlarmActions"] == [topic_ref], watch_id
        assert props["OKActions"] == [topic_ref], watch_id
        assert props["ComparisonOperator"] == "GreaterThanOrEqualToThreshold", watch_id
        assert props["TreatMissingData"] == "notBreaching", watch_id
        assert len(props["AlarmDescription"]) > 30, watch_id


@pytest.mark.parametrize(("watch_id", "metric"), [("WorkflowFailed", "ExecutionsFailed"),
                                                  ("WorkflowTimedOut", "ExecutionsTimedOut"),
                                                  ("WorkflowAborted", "ExecutionsAborted")])
def test_a_failed_timed_out_or_aborted_workflow_execution_raises_an_alarm(synth, alarms, watch_id, metric):
    props = alarms[watch_id]
    machine = synth.logical_id(synth.stack.workflow.state_machine)
    assert (props["Namespace"], props["MetricName"], props["Statistic"]) == ("AWS/States", metric, "Sum")
    assert dimensions(props) == {"StateMachineArn": {"Ref": machine}}
    assert props["Threshold"] == 1


@pytest.mark.parametrize("name", [spec.name for spec in catalog.FUNCTIONS])
def test_each_function_has_an_errors_and_a_throttles_alarm(synth, alarms, name):
    function = {"Ref": synth.logical_id(synth.stack.functions[name])}
    for metric in ("Errors", "Throttles"):
        props = alarms[f"{names.function_id(name)}{metric}"]
        assert (props["Namespace"], props["MetricName"], props["Statistic"]) == ("AWS/Lambda", metric, "Sum")
        assert dimensions(props) == {"FunctionName": function}
        assert props["Threshold"] == 1


def test_the_http_apis_server_errors_raise_an_alarm(synth, alarms):
    props = alarms["Api5xx"]
    assert (props["Namespace"], props["MetricName"], props["Statistic"]) == ("AWS/ApiGateway", "5xx", "Sum")
    assert dimensions(props) == {"ApiId": {"Ref": synth.logical_id(synth.stack.api.http_api)}}


@pytest.mark.parametrize(("watch_id", "metric", "threshold", "ses_review"),
                         [("SesBounceRate", "Reputation.BounceRate", 0.04, 0.05),
                          ("SesComplaintRate", "Reputation.ComplaintRate", 0.0008, 0.001)])
def test_ses_reputation_alarms_fire_before_ses_reviews_the_account(alarms, watch_id, metric, threshold, ses_review):
    props = alarms[watch_id]
    assert (props["Namespace"], props["MetricName"]) == ("AWS/SES", metric)
    assert "Dimensions" not in props  # the account-wide rate SES itself reviews
    assert props["Threshold"] == threshold < ses_review


def test_posts_needing_an_admin_raise_an_alarm_on_the_metric_as_powertools_emits_it(alarms, monkeypatch):
    from aws_lambda_powertools import Metrics

    # Emit it as a function does, with the stack's environment, and read the EMF document back.
    monkeypatch.setenv("POWERTOOLS_SERVICE_NAME", names.POWERTOOLS_SERVICE_NAME)
    monkeypatch.setenv("POWERTOOLS_METRICS_NAMESPACE", names.POWERTOOLS_METRICS_NAMESPACE)
    emitted = Metrics()
    emitted.add_metric(name=observability.POSTS_NEEDING_ATTENTION, unit="Count", value=1)
    document = emitted.serialize_metric_set()
    emitted.clear_metrics()
    (directive,) = document["_aws"]["CloudWatchMetrics"]

    props = alarms["PostsNeedingAttention"]
    assert props["Namespace"] == directive["Namespace"] == "Understudy"
    assert props["MetricName"] == directive["Metrics"][0]["Name"] == "PostsNeedingAttention"
    assert directive["Dimensions"] == [["service"]]
    assert dimensions(props) == {"service": document["service"]}
    assert (props["Statistic"], props["Threshold"]) == ("Sum", 1)


def test_the_dashboard_shows_the_funnel_the_review_turnaround_and_the_errors(synth):
    (dashboard,) = synth.of_type("AWS::CloudWatch::Dashboard").values()
    # The body is JSON with CloudFormation references (region, function names) joined in: stand those in.
    parts = dashboard["Properties"]["DashboardBody"]["Fn::Join"][1]
    text = "".join(part if isinstance(part, str) else "REF" for part in parts)
    widgets = json.loads(text)["widgets"]
    titles = [w["properties"]["title"] for w in widgets]
    assert titles[:2] == ["Post funnel (per day)", "Review turnaround (seconds from submission to decision)"]
    funnel = widgets[0]["properties"]["metrics"]
    assert [m[1] for m in funnel][:4] == ["PostsSubmitted", "ReviewsRequested", "PostsPublished", "PostsFailed"]
    assert all(m[0] == "Understudy" and m[2:4] == ["service", "understudy"] for m in funnel)
    assert [m[1] for m in widgets[1]["properties"]["metrics"]][0] == "ReviewTurnaroundSeconds"
    errors = widgets[2]["properties"]["metrics"]
    assert [m[1] for m in errors] == ["Errors"] * len(catalog.FUNCTIONS)
    assert "ExecutionsFailed" in text and "5xx" in text
    assert "DashboardUrl" in synth.template["Outputs"]
