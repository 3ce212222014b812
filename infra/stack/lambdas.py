"""The functions, built in one loop from infra/functions.py (the catalog the sandbox runs too).

Each function gets its own role, log group and environment, holding only what its FunctionSpec asks
for: the tables it reads or writes, its secrets (by ARN, never a value), the channel secrets' prefix,
the state machine's ARN and actions on that one state machine, SES sending, Cognito admin actions on
the pool, and the invoke of the functions it hands work on to (by name in its environment). Active
X-Ray tracing; python3.13 on arm64 with the shared layer, plus the images layer (Pillow) for the
functions the catalog marks ``images=True``.
"""

from __future__ import annotations

from dataclasses import dataclass

from aws_cdk import ArnFormat, Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_secretsmanager as secretsmanager
from constructs import Construct

from infra import functions as catalog
from infra.stack import names
from infra.stack.auth import Auth
from infra.stack.data import READ_ACTIONS, WRITE_ACTIONS, Tables
from infra.stack.email import Email
from infra.stack.layer import ARCHITECTURE, RUNTIME
from infra.stack.media import Media
from infra.stack.nag import acknowledge

XRAY_REASON = ("Active tracing: X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level "
               "permissions, so AWS requires Resource * for them.")


@dataclass(frozen=True)
class Resources:
    """What the catalog's names refer to in this stack."""

    tables: Tables
    secrets: dict[str, secretsmanager.ISecret]  # catalog.SECRETS key -> secret
    state_machine_arn: str
    auth: Auth
    email: Email
    console_url: str
    media: Media
    images_layer: lambda_.ILayerVersion


class Functions(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, specs: tuple[catalog.FunctionSpec, ...],
                 layer: lambda_.ILayerVersion, resources: Resources):
        super().__init__(scope, construct_id)
        self.resources = resources
        self.functions: dict[str, lambda_.Function] = {
            spec.name: self._function(spec, layer) for spec in specs
        }
        self.specs = {spec.name: spec for spec in specs}
        self._asynchronous_invokes(specs)

    def _asynchronous_invokes(self, specs: tuple[catalog.FunctionSpec, ...]) -> None:
        """Each function that hands work on (``invokes``) may invoke exactly its targets, found by name in
        its environment; each target retries a failed asynchronous run twice (Lambda's default, said here)."""
        targets = sorted({target for spec in specs for target in spec.invokes})
        for target in targets:
            self.functions[target].configure_async_invoke(retry_attempts=2)
        for spec in specs:
            for target in spec.invokes:
                invoker, invoked = self.functions[spec.name], self.functions[target]
                invoker.add_environment(catalog.invoke_variable(target), invoked.function_name)
                invoker.role.add_to_principal_policy(iam.PolicyStatement(
                    actions=["lambda:InvokeFunction"], resources=[invoked.function_arn]))

    def __getitem__(self, name: str) -> lambda_.Function:
        return self.functions[name]

    def items(self):
        return ((self.specs[name], function) for name, function in self.functions.items())

    def _function(self, spec: catalog.FunctionSpec, layer: lambda_.ILayerVersion) -> lambda_.Function:
        scope = Construct(self, names.function_id(spec.name))
        log_group = logs.LogGroup(scope, "Logs", retention=names.LOG_RETENTION, removal_policy=RemovalPolicy.DESTROY)
        layers = [layer, self.resources.images_layer] if spec.images else [layer]
        role = iam.Role(scope, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
                        description=f"Understudy {spec.name}: only what infra/functions.py grants it")
        function = lambda_.Function(
            scope, "Function",
            description=spec.description,
            runtime=RUNTIME, architecture=ARCHITECTURE,
            code=lambda_.Code.from_asset(str(spec.code_dir), exclude=["__pycache__", "*.pyc"]),
            handler=spec.handler, layers=layers, role=role, log_group=log_group,
            timeout=Duration.seconds(spec.timeout_seconds), memory_size=spec.memory_mb,
            tracing=lambda_.Tracing.ACTIVE,
            environment=self._environment(spec),
        )
        log_group.grant_write(role)
        self._grant(spec, role)
        acknowledge(function, "AwsSolutions-L1",
                    "Python 3.13 on purpose: the shared layer's wheels are built for CPython 3.13 and the code "
                    "is tested on it; Lambda supports 3.13 into 2029. Moving to 3.14 is a deliberate change.")
        acknowledge(role, "AwsSolutions-IAM5[Resource::*]", XRAY_REASON)
        return function

    def _environment(self, spec: catalog.FunctionSpec) -> dict[str, str]:
        r = self.resources
        env = {
            "POWERTOOLS_SERVICE_NAME": names.POWERTOOLS_SERVICE_NAME,
            "POWERTOOLS_METRICS_NAMESPACE": names.POWERTOOLS_METRICS_NAMESPACE,
        }
        env.update({catalog.TABLES[table]: r.tables[table].table_name for table in spec.tables})
        # Secrets by ARN: the function reads the value at run time, through Powertools with caching.
        env.update({catalog.SECRETS[secret]: r.secrets[secret].secret_arn for secret in spec.secrets})
        if spec.channel_secrets:
            env["CHANNEL_SECRET_PREFIX"] = names.CHANNEL_SECRET_PREFIX
        if spec.states_actions:
            env["STATE_MACHINE_ARN"] = r.state_machine_arn
        if spec.sends_email:
            env["SENDER_EMAIL"] = r.email.sender
            env["CONSOLE_URL"] = r.console_url  # the emails link to the console
        if spec.cognito_actions:
            env["USER_POOL_ID"] = r.auth.pool.user_pool_id
        if spec.media:
            env["MEDIA_BUCKET"] = r.media.bucket.bucket_name
        return env

    def _grant(self, spec: catalog.FunctionSpec, role: iam.Role) -> None:
        r = self.resources
        for table, access in spec.tables.items():
            actions = WRITE_ACTIONS if access == catalog.WRITE else READ_ACTIONS
            role.add_to_principal_policy(iam.PolicyStatement(actions=list(actions),
                                                             resources=r.tables.resources(table)))
        for secret in spec.secrets:
            role.add_to_principal_policy(iam.PolicyStatement(
                actions=["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                resources=[r.secrets[secret].secret_arn]))
        if spec.channel_secrets:
            pattern = Stack.of(self).format_arn(service="secretsmanager", resource="secret",
                                                resource_name=f"{names.CHANNEL_SECRET_PREFIX}*",
                                                arn_format=ArnFormat.COLON_RESOURCE_NAME)
            role.add_to_principal_policy(iam.PolicyStatement(
                actions=list(catalog.CHANNEL_SECRET_ACTIONS[spec.channel_secrets]), resources=[pattern]))
            acknowledge(role, f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:"
                              f"<AWS::AccountId>:secret:{names.CHANNEL_SECRET_PREFIX}*]",
                        "Channel credentials are secrets the API creates at run time when an admin connects a "
                        "channel, one per channel, and Secrets Manager adds a random suffix to each ARN: only "
                        f"the name prefix {names.CHANNEL_SECRET_PREFIX} can be named in advance.")
        if spec.states_actions:
            on_machine = [a for a in spec.states_actions if a not in catalog.EXECUTION_ACTIONS]
            role.add_to_principal_policy(iam.PolicyStatement(
                actions=[f"states:{action}" for action in on_machine], resources=[r.state_machine_arn]))
            on_executions = [a for a in spec.states_actions if a in catalog.EXECUTION_ACTIONS]
            if on_executions:
                machine = names.state_machine_name(Stack.of(self).stack_name)
                executions = Stack.of(self).format_arn(service="states", resource="execution",
                                                       resource_name=f"{machine}:*",
                                                       arn_format=ArnFormat.COLON_RESOURCE_NAME)
                role.add_to_principal_policy(iam.PolicyStatement(
                    actions=[f"states:{action}" for action in on_executions], resources=[executions]))
                acknowledge(role, f"AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:"
                                  f"<AWS::AccountId>:execution:{machine}:*]",
                            "Stopping a post's superseded execution (rescheduled earlier, or cancelled): executions "
                            "are named at run time after each post, so only this state machine's executions can "
                            "be named in advance.")
        if spec.sends_email:
            r.email.grant_send(role)
            acknowledge(role, "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:"
                              "identity/*]",
                        "Sending is pinned to the sender address by the ses:FromAddress condition; the resource "
                        "covers this account's identities in the region because in the SES sandbox SES also "
                        "authorises each (verified) recipient's identity.")
        r.auth.grant_admin_actions(role, spec.cognito_actions)
        if spec.media:
            r.media.grant(role, spec.media)
