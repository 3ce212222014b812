"""The console: console/ in a private S3 bucket, served by CloudFront with security headers.

CloudFront reads the bucket through origin access control; the bucket blocks public access, takes
only TLS requests and is encrypted. ``publish`` deploys console/ plus a generated /config.json (the
API URL, the region, the user pool and client ids, the Cognito endpoint: the sandbox serves the same
shape); CloudFront caches for 5 minutes, so a new deploy shows without invalidating anything.

About connect-src: the API's CORS names this distribution's origin, so this distribution's response
headers cannot also name the API's id (CloudFormation would see a cycle). The policy allows the HTTP
APIs of this region (``https://*.execute-api.<region>.amazonaws.com``) and Cognito's endpoint there;
the console itself only ever calls the apiUrl from /config.json.
"""

from __future__ import annotations

from aws_cdk import Aws, DefaultStackSynthesizer, Duration, RemovalPolicy, Stack
from aws_cdk import aws_cloudfront as cloudfront
from aws_cdk import aws_cloudfront_origins as origins
from aws_cdk import aws_s3_deployment as s3deploy
from constructs import Construct

from infra.functions import CONSOLE_DIR
from infra.stack.buckets import private_bucket
from infra.stack.nag import acknowledge

# Short enough that a deploy shows without invalidating CloudFront's cache (which would give the
# deployment's function cloudfront:CreateInvalidation on every distribution: CDK grants it on "*").
CACHE_TTL = Duration.minutes(5)


def content_security_policy() -> str:
    region = Aws.REGION
    return "; ".join((
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        # Images come from the media bucket through presigned links, previews from blob: URLs; uploads go
        # straight to the bucket. As with the API, naming the bucket here would make a cycle (its CORS
        # names this distribution), so S3 in this region is named.
        f"img-src 'self' data: blob: https://*.s3.{region}.amazonaws.com",
        f"connect-src 'self' https://*.execute-api.{region}.amazonaws.com https://cognito-idp.{region}.amazonaws.com "
        f"https://*.s3.{region}.amazonaws.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


class Console(Construct):
    def __init__(self, scope: Construct, construct_id: str):
        super().__init__(scope, construct_id)
        self.bucket = private_bucket(
            self, "Bucket",
            # Emptied by the deployment below when the stack is deleted, then removed.
            removal_policy=RemovalPolicy.DESTROY,
        )
        acknowledge(self.bucket, "AwsSolutions-S1",
                    "The bucket holds only the console's static files, read by CloudFront alone through origin "
                    "access control; S3 server access logs would record nothing but CloudFront's reads.")
        headers = cloudfront.ResponseHeadersPolicy(
            self, "SecurityHeaders",
            comment="Understudy console: CSP, HSTS, no framing, no sniffing, no referrer",
            security_headers_behavior=cloudfront.ResponseSecurityHeadersBehavior(
                content_security_policy=cloudfront.ResponseHeadersContentSecurityPolicy(
                    content_security_policy=content_security_policy(), override=True),
                strict_transport_security=cloudfront.ResponseHeadersStrictTransportSecurity(
                    access_control_max_age=Duration.days(365), include_subdomains=True, override=True),
                content_type_options=cloudfront.ResponseHeadersContentTypeOptions(override=True),
                frame_options=cloudfront.ResponseHeadersFrameOptions(
                    frame_option=cloudfront.HeadersFrameOption.DENY, override=True),
                referrer_policy=cloudfront.ResponseHeadersReferrerPolicy(
                    referrer_policy=cloudfront.HeadersReferrerPolicy.NO_REFERRER, override=True),
            ),
        )
        self.distribution = cloudfront.Distribution(
            self, "Distribution",
            comment="Understudy console",
            default_root_object="index.html",
            price_class=cloudfront.PriceClass.PRICE_CLASS_100,
            http_version=cloudfront.HttpVersion.HTTP2_AND_3,
            default_behavior=cloudfront.BehaviorOptions(
                origin=origins.S3BucketOrigin.with_origin_access_control(self.bucket),
                viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                allowed_methods=cloudfront.AllowedMethods.ALLOW_GET_HEAD,
                cache_policy=cloudfront.CachePolicy(
                    self, "CachePolicy", comment="Understudy console: a new deploy shows within 5 minutes",
                    default_ttl=CACHE_TTL, min_ttl=Duration.seconds(0), max_ttl=CACHE_TTL,
                    enable_accept_encoding_gzip=True, enable_accept_encoding_brotli=True),
                response_headers_policy=headers,
                compress=True,
            ),
        )
        for rule, reason in (
            ("AwsSolutions-CFR1", "The console is for the organisation's staff wherever they are; sign-in "
                                  "and the API enforce who may do what, so no country is blocked."),
            ("AwsSolutions-CFR2", "The distribution serves static files only; every data request goes to "
                                  "the throttled, authorised HTTP API. A WAF web ACL (from about 5 USD a month) "
                                  "can be attached by the operator if their policy asks for one."),
            ("AwsSolutions-CFR3", "Static files only, the same for everyone; the requests that matter are "
                                  "logged by the HTTP API's access logs. CloudFront logging would need another "
                                  "bucket for little information."),
            ("AwsSolutions-CFR4", "The distribution uses CloudFront's default *.cloudfront.net certificate, "
                                  "for which CloudFront fixes the TLS policy; a custom domain with its own "
                                  "certificate (and TLSv1.2_2021) is the operator's option."),
        ):
            acknowledge(self.distribution, rule, reason)
        self.url = f"https://{self.distribution.distribution_domain_name}"

    def publish(self, config: dict) -> s3deploy.BucketDeployment:
        """console/ and /config.json (deploy-time values resolved by the deployment)."""
        deployment = s3deploy.BucketDeployment(
            self, "Files",
            sources=[s3deploy.Source.asset(str(CONSOLE_DIR), exclude=["**/.*"]),
                     s3deploy.Source.json_data("config.json", config)],
            destination_bucket=self.bucket,
            prune=True,
            retain_on_delete=False,
            memory_limit=256,
        )
        # CDK's own deploy-time function (one per stack) that copies the files: CDK defines its role.
        handler = deployment.handler_role.node.scope
        handler_logs = handler.node.try_find_child("LogGroup")
        if handler_logs is not None:  # CDK keeps it by default; make destroy removes all but the tables
            handler_logs.apply_removal_policy(RemovalPolicy.DESTROY)
            handler_logs.node.default_child.retention_in_days = 90  # as names.LOG_RETENTION
        for rule, reason in (
            ("AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/"
             "AWSLambdaBasicExecutionRole]",
             "CDK's BucketDeployment function (runs only during a deploy) writes its logs with the AWS "
             "managed basic execution policy; CDK defines that role, not this app."),
            *((f"AwsSolutions-IAM5[{finding}]",
               "CDK's BucketDeployment function copies the console's files from the CDK asset bucket into "
               "the console bucket; CDK scopes it to those two buckets with these object-level wildcards.")
              for finding in ("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                              "Action::s3:DeleteObject*", "Action::s3:Abort*",
                              f"Resource::arn:<AWS::Partition>:s3:::cdk-{self._qualifier()}-assets-"
                              "<AWS::AccountId>-<AWS::Region>/*",
                              f"Resource::<{self._bucket_logical_id()}.Arn>/*")),
            ("AwsSolutions-L1",
             "CDK's BucketDeployment function: CDK chooses and updates its runtime with aws-cdk-lib; it runs "
             "only during a deploy."),
        ):
            acknowledge(handler, rule, reason)
        return deployment

    def _bucket_logical_id(self) -> str:
        return Stack.of(self).get_logical_id(self.bucket.node.default_child)

    def _qualifier(self) -> str:
        """The CDK bootstrap qualifier, which names the asset bucket (``cdk bootstrap --qualifier``)."""
        qualifier = self.node.try_get_context("@aws-cdk/core:bootstrapQualifier")
        return qualifier or DefaultStackSynthesizer.DEFAULT_QUALIFIER
