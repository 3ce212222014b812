"""Understudy on AWS: the constructs wired together. Read top to bottom, it is the architecture."""

from __future__ import annotations

from aws_cdk import Aws, CfnOutput, Stack, Tags
from constructs import Construct

from infra import functions as catalog
from infra.stack import layer, names, workflow
from infra.stack.alarms import Alerts
from infra.stack.api import Api
from infra.stack.auth import Auth
from infra.stack.console import Console
from infra.stack.dashboard import Dashboard
from infra.stack.data import Tables
from infra.stack.email import Email
from infra.stack.lambdas import Functions, Resources
from infra.stack.media import Media
from infra.stack.secrets import LinkKey
from infra.stack.settings import Settings
from infra.stack.setup import Setup


class UnderstudyStack(Stack):
    def __init__(self, scope: Construct, construct_id: str = names.STACK_NAME, *, settings: Settings, **kwargs):
        super().__init__(scope, construct_id, description=names.DESCRIPTION, **kwargs)
        Tags.of(self).add("project", "understudy")
        self.settings = settings

        self.tables = Tables(self, "Data")
        self.link_key = LinkKey(self, "LinkKey")
        self.email = Email(self, "Email", settings=settings)
        self.console = Console(self, "Console")
        self.auth = Auth(self, "Auth", settings=settings, console_url=self.console.url)
        self.media = Media(self, "Media", console_origin=self.console.url)
        self.layer = layer.bundled_layer(self, "SharedLayer", layer.SHARED, bundle=settings.bundle)
        self.images_layer = layer.bundled_layer(self, "ImagesLayer", layer.IMAGES, bundle=settings.bundle)

        self.functions = Functions(self, "Functions", specs=catalog.FUNCTIONS, layer=self.layer, resources=Resources(
            tables=self.tables,
            secrets={"link_key": self.link_key.secret},
            state_machine_arn=workflow.arn_for(self),
            auth=self.auth,
            email=self.email,
            console_url=self.console.url,
            media=self.media,
            images_layer=self.images_layer,
        ))
        self.workflow = workflow.Workflow(self, "Workflow", tasks=[
            (spec, function) for spec, function in self.functions.items() if spec.workflow_task])
        self.api = Api(self, "Api", functions=self.functions, auth=self.auth, console_origin=self.console.url)

        self.console.publish({
            "apiUrl": self.api.url,
            "region": Aws.REGION,
            "userPoolId": self.auth.pool.user_pool_id,
            "userPoolClientId": self.auth.client.user_pool_client_id,
            "cognitoEndpoint": f"https://cognito-idp.{Aws.REGION}.amazonaws.com/",
        })
        watched = {"functions": self.functions, "state_machine": self.workflow.state_machine,
                   "http_api": self.api.http_api}
        self.alerts = Alerts(self, "Alerts", email=settings.alert_email, **watched)
        self.dashboard = Dashboard(self, "Dashboard", **watched)
        self.setup = Setup(self, "Setup", settings=settings, layer=self.layer, tables=self.tables,
                           link_key=self.link_key)

        CfnOutput(self, "ConsoleUrl", value=self.console.url, description="Open this to sign in")
        CfnOutput(self, "ApiUrl", value=self.api.url, description="The HTTP API (the console's apiUrl)")
        CfnOutput(self, "DashboardUrl", value=self.dashboard.url, description="Post funnel, review turnaround, errors")
        CfnOutput(self, "UserPoolId", value=self.auth.pool.user_pool_id, description="Cognito user pool")
        CfnOutput(self, "UserPoolClientId", value=self.auth.client.user_pool_client_id,
                  description="The console's app client (for scripted sign-in, see README, Deploy to AWS)")
