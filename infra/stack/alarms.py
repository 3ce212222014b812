"""Alarms that reach a person: an encrypted SNS topic with an email subscription, and one alarm per
thing that can go wrong without anyone looking (README, Alarms, says what to do for each).

CloudWatch publishes to an encrypted topic only with a customer-managed KMS key whose policy lets
cloudwatch.amazonaws.com use it (the AWS-managed alias/aws/sns key cannot be shared), so the topic
has its own key, rotated yearly.
"""

from __future__ import annotations

from dataclasses import dataclass

from aws_cdk import Annotations, Duration, RemovalPolicy, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk.aws_apigatewayv2 import HttpApi
from constructs import Construct
from understudy import observability

from infra.stack import names
from infra.stack.lambdas import Functions

PERIOD = Duration.minutes(5)
# SES reviews an account at a 5% bounce rate (pauses sending at 10%) and at a 0.1% complaint rate
# (pauses at 0.5%): the alarms fire before the review starts.
BOUNCE_RATE = 0.04
COMPLAINT_RATE = 0.0008
SES_PERIOD = Duration.hours(1)


def custom_metric(name: str, statistic: str = "Sum", period: Duration = PERIOD) -> cloudwatch.Metric:
    """A metric the functions emit through Powertools: its namespace, and the one dimension it adds."""
    return cloudwatch.Metric(namespace=names.POWERTOOLS_METRICS_NAMESPACE, metric_name=name,
                             dimensions_map={"service": names.POWERTOOLS_SERVICE_NAME},
                             statistic=statistic, period=period)


def ses_metric(name: str) -> cloudwatch.Metric:
    """SES's account-wide reputation metric (a fraction, 0.05 = 5%), as SES's own review reads it."""
    return cloudwatch.Metric(namespace="AWS/SES", metric_name=name, statistic="Maximum", period=SES_PERIOD)


@dataclass(frozen=True)
class Watch:
    """One alarm: what it watches, when it fires, and the line the email carries."""

    id: str
    metric: cloudwatch.IMetric
    description: str
    threshold: float = 1


class Alerts(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, email: str | None, functions: Functions,
                 state_machine: sfn.StateMachine, http_api: HttpApi):
        super().__init__(scope, construct_id)
        # It encrypts only alarm notifications in flight: nothing to keep once the stack is gone.
        key = kms.Key(self, "Key", enable_key_rotation=True, description="Understudy's alerts topic",
                      removal_policy=RemovalPolicy.DESTROY, pending_window=Duration.days(7))
        key.grant(iam.ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*")
        self.topic = sns.Topic(self, "Topic", display_name="Understudy alerts", master_key=key, enforce_ssl=True)
        self.topic.add_to_resource_policy(iam.PolicyStatement(
            actions=["sns:Publish"], resources=[self.topic.topic_arn],
            principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
            conditions={"StringEquals": {"aws:SourceAccount": Stack.of(self).account}}))
        if email:
            self.topic.add_subscription(subscriptions.EmailSubscription(email))
        else:
            Annotations.of(self).add_warning_v2(
                "understudy:alerts-no-email",
                "Neither alertEmail nor adminEmail is set: the alarms publish to the alerts topic, but nobody "
                "is subscribed to it (pass -c alertEmail=you@your-org.example).")
        self.alarms: dict[str, cloudwatch.Alarm] = {}
        for watch in watches(functions, state_machine, http_api):
            alarm = cloudwatch.Alarm(
                self, watch.id, metric=watch.metric, threshold=watch.threshold, evaluation_periods=1,
                comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
                alarm_description=watch.description)
            alarm.add_alarm_action(actions.SnsAction(self.topic))
            alarm.add_ok_action(actions.SnsAction(self.topic))  # and again when it is over
            self.alarms[watch.id] = alarm


def watches(functions: Functions, state_machine: sfn.StateMachine, http_api: HttpApi) -> list[Watch]:
    found = [
        Watch("WorkflowFailed", state_machine.metric_failed(period=PERIOD),
              "A review workflow execution failed: a post may be stuck. See README, Alarms."),
        Watch("WorkflowTimedOut", state_machine.metric_timed_out(period=PERIOD),
              "A review workflow execution timed out. See README, Alarms."),
        Watch("WorkflowAborted", state_machine.metric_aborted(period=PERIOD),
              "A review workflow execution was stopped by hand or by a deploy. See README, Alarms."),
        Watch("Api5xx", http_api.metric_server_error(period=PERIOD, statistic="Sum"),
              "The HTTP API answered with a server error (5xx). See README, Alarms."),
        Watch("PostsNeedingAttention", custom_metric(observability.POSTS_NEEDING_ATTENTION),
              "A post failed, expired or needs checking: an admin should open Needs attention in the console."),
        Watch("SesBounceRate", ses_metric("Reputation.BounceRate"),
              "SES bounce rate is at 4%: SES reviews the account at 5% and pauses sending at 10%.",
              threshold=BOUNCE_RATE),
        Watch("SesComplaintRate", ses_metric("Reputation.ComplaintRate"),
              "SES complaint rate is at 0.08%: SES reviews the account at 0.1% and pauses sending at 0.5%.",
              threshold=COMPLAINT_RATE),
    ]
    for spec, function in functions.items():
        label = names.function_id(spec.name)
        found.append(Watch(f"{label}Errors", function.metric_errors(period=PERIOD, statistic="Sum"),
                           f"The {spec.name} function raised errors. See README, Alarms."))
        found.append(Watch(f"{label}Throttles", function.metric_throttles(period=PERIOD, statistic="Sum"),
                           f"The {spec.name} function was throttled. See README, Alarms."))
    return found
