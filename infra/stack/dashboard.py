"""The CloudWatch dashboard: how posts travel (the funnel), how long reviews take, and what went wrong."""

from __future__ import annotations

from aws_cdk import Duration, Stack
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_stepfunctions as sfn
from aws_cdk.aws_apigatewayv2 import HttpApi
from constructs import Construct
from understudy import observability as o

from infra.stack.alarms import custom_metric
from infra.stack.lambdas import Functions

DAY = Duration.days(1)
FUNNEL = ((o.POSTS_SUBMITTED, "submitted"), (o.REVIEWS_REQUESTED, "in review"),
          (o.POSTS_PUBLISHED, "published"), (o.POSTS_FAILED, "failed"),
          (o.POSTS_PARTLY_PUBLISHED, "partly published"), (o.POSTS_NEEDING_ATTENTION, "needing an admin"))


class Dashboard(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, functions: Functions,
                 state_machine: sfn.StateMachine, http_api: HttpApi):
        super().__init__(scope, construct_id)
        self.dashboard = cloudwatch.Dashboard(
            self, "Dashboard", default_interval=Duration.days(14))
        region = Stack.of(self).region
        # CloudFormation names it (see names.py); the stack's DashboardUrl output opens it.
        self.url = (f"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}"
                    f"#dashboards:name={self.dashboard.dashboard_name}")
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title="Post funnel (per day)", width=12, stacked=False,
                left=[custom_metric(name, period=DAY).with_(label=label) for name, label in FUNNEL]),
            cloudwatch.GraphWidget(
                title="Review turnaround (seconds from submission to decision)", width=12,
                left=[custom_metric(o.REVIEW_TURNAROUND, statistic=stat, period=DAY).with_(label=stat)
                      for stat in ("p50", "p90", "Maximum")]),
        )
        self.dashboard.add_widgets(
            cloudwatch.GraphWidget(
                title="Function errors", width=12,
                left=[function.metric_errors(period=DAY, statistic="Sum").with_(label=spec.name)
                      for spec, function in functions.items()]),
            cloudwatch.GraphWidget(
                title="Workflow and API failures", width=12,
                left=[state_machine.metric_failed(period=DAY).with_(label="workflow failed"),
                      state_machine.metric_timed_out(period=DAY).with_(label="workflow timed out"),
                      state_machine.metric_aborted(period=DAY).with_(label="workflow aborted"),
                      http_api.metric_server_error(period=DAY, statistic="Sum").with_(label="API 5xx")]),
        )
