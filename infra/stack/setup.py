"""The deploy-time setup: a small function the stack runs as a custom resource (setup_function/).

It writes the link-signing key (secrets.py says why not the template) and the first admin's record.
It has its own role: read and write the one secret, put items in the users table, write its own log.
"""

from __future__ import annotations

from pathlib import Path

from aws_cdk import CustomResource, Duration, RemovalPolicy
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from infra.functions import TABLES
from infra.stack import names
from infra.stack.data import Tables
from infra.stack.layer import ARCHITECTURE, RUNTIME
from infra.stack.nag import acknowledge
from infra.stack.secrets import LinkKey
from infra.stack.settings import Settings

CODE_DIR = Path(__file__).resolve().parent / "setup_function"


class Setup(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, settings: Settings, layer: lambda_.ILayerVersion,
                 tables: Tables, link_key: LinkKey):
        super().__init__(scope, construct_id)
        log_group = logs.LogGroup(self, "Logs", retention=names.LOG_RETENTION, removal_policy=RemovalPolicy.DESTROY)
        role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
                        description="Understudy's deploy-time setup")
        self.function = lambda_.Function(
            self, "Function",
            description="Understudy: deploy-time setup (link key, first admin's record)",
            runtime=RUNTIME, architecture=ARCHITECTURE,
            code=lambda_.Code.from_asset(str(CODE_DIR), exclude=["__pycache__", "*.pyc"]),
            handler="handler.lambda_handler", layers=[layer], role=role, log_group=log_group,
            timeout=Duration.minutes(1), memory_size=256,
            environment={TABLES["users"]: tables["users"].table_name},
        )
        log_group.grant_write(role)
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
            resources=[link_key.secret.secret_arn]))
        role.add_to_principal_policy(iam.PolicyStatement(
            actions=["dynamodb:PutItem", "dynamodb:DescribeTable"], resources=[tables["users"].table_arn]))
        acknowledge(self.function, "AwsSolutions-L1",
                    "Python 3.13, like every Understudy function: the shared layer's wheels are built for "
                    "CPython 3.13 and the code is tested on it; Lambda supports 3.13 into 2029.")
        self.resource = CustomResource(
            self, "Resource", service_token=self.function.function_arn, resource_type="Custom::UnderstudySetup",
            properties={
                "LinkKeySecretId": link_key.secret.secret_arn,
                "AdminEmail": settings.admin_email or "",
                "AdminName": settings.admin_name,
            },
        )
