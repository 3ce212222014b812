"""The HTTP API (API Gateway v2): one route per catalog route, each to its function.

Every route has the Cognito JWT authorizer (the pool's issuer, the console client as audience) except
the review-link routes, which carry an HMAC-signed, expiring token in the body instead. CORS allows
only the console's CloudFront origin; the default stage writes access logs and is throttled, with a
tighter limit on the public review-link routes.
"""

from __future__ import annotations

import json

import jsii
from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_authorizers as authorizers
from aws_cdk import aws_apigatewayv2_integrations as integrations
from aws_cdk import aws_logs as logs
from constructs import Construct

from infra.stack import names
from infra.stack.auth import Auth
from infra.stack.lambdas import Functions
from infra.stack.nag import acknowledge

THROTTLE = apigwv2.ThrottleSettings(rate_limit=50, burst_limit=100)  # requests per second, whole API
PUBLIC_THROTTLE = {"ThrottlingRateLimit": 5, "ThrottlingBurstLimit": 10}  # each unauthenticated route
# One JSON line per request; the route key, not the path, so no path parameter (an email) is logged.
ACCESS_LOG_FORMAT = json.dumps({
    "requestId": "$context.requestId", "time": "$context.requestTime", "ip": "$context.identity.sourceIp",
    "routeKey": "$context.routeKey", "status": "$context.status", "latencyMs": "$context.responseLatency",
    "integrationStatus": "$context.integrationStatus", "integrationError": "$context.integrationErrorMessage",
    "authorizerError": "$context.authorizer.error", "userAgent": "$context.identity.userAgent",
})


class Api(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, functions: Functions, auth: Auth, console_origin: str):
        super().__init__(scope, construct_id)
        self.http_api = apigwv2.HttpApi(
            self, "HttpApi",
            api_name=f"{Stack.of(self).stack_name}-api",
            description="Understudy's API: the console's calls and the review links",
            create_default_stage=False,
            cors_preflight=apigwv2.CorsPreflightOptions(
                allow_origins=[console_origin],
                allow_methods=[apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.PUT,
                               apigwv2.CorsHttpMethod.PATCH, apigwv2.CorsHttpMethod.DELETE],
                allow_headers=["authorization", "content-type"],
                max_age=Duration.hours(1),
            ),
        )
        access_logs = logs.LogGroup(self, "AccessLogs", retention=names.ACCESS_LOG_RETENTION,
                                    removal_policy=RemovalPolicy.DESTROY)
        self.stage = apigwv2.HttpStage(
            self, "DefaultStage", http_api=self.http_api, stage_name="$default", auto_deploy=True,
            throttle=THROTTLE,
            access_log_settings=_AccessLogs(access_logs),
        )
        authorizer = authorizers.HttpUserPoolAuthorizer("CognitoJwt", auth.pool, user_pool_clients=[auth.client])
        public_routes = {}
        for spec, function in functions.items():
            integration = integrations.HttpLambdaIntegration(f"{spec.name}-integration", function)
            for route in spec.routes:
                (http_route,) = self.http_api.add_routes(
                    path=route.path, methods=[apigwv2.HttpMethod(route.method)], integration=integration,
                    authorizer=authorizer if route.authorized else apigwv2.HttpNoneAuthorizer())
                if not route.authorized:
                    public_routes[route.key] = PUBLIC_THROTTLE
                    acknowledge(http_route, "AwsSolutions-APIG4",
                                "Review links are used without signing in, by design (docs/architecture.md): the "
                                "request carries an HMAC-signed, expiring token naming the post, revision and "
                                "reviewer, which the function verifies; the route is throttled tightly.")
        if public_routes:
            self.stage.node.default_child.add_property_override("RouteSettings", public_routes)
        self.url = self.http_api.api_endpoint


@jsii.implements(apigwv2.IAccessLogSettings)
class _AccessLogs:
    """The stage's access-log settings: where, and in which format."""

    def __init__(self, log_group: logs.ILogGroup):
        self._destination = apigwv2.LogGroupLogDestination(log_group)

    @property
    def destination(self) -> apigwv2.IAccessLogDestination:
        return self._destination

    @property
    def format(self) -> apigw.AccessLogFormat:
        return apigw.AccessLogFormat.custom(ACCESS_LOG_FORMAT)
