"""The media bucket: posts' images, private, encrypted, TLS only, reachable by browsers only through
presigned POSTs (uploads) and presigned GET links, and only from the console's origin (CORS).

Two lifecycle rules keep it from growing: uploads never attached to a post (``uploads/``) are deleted
after a day, and images of posts that ended unpublished (tagged ``outcome=unpublished`` by
understudy.media, which also restarts their age) 30 days after that. The bucket is kept when the stack
is deleted, like the tables whose posts name its images.
"""

from __future__ import annotations

from aws_cdk import Duration, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_s3 as s3
from constructs import Construct

from infra import functions as catalog
from infra.stack.buckets import private_bucket
from infra.stack.nag import acknowledge

UNUSED_UPLOAD_DAYS = 1
UNPUBLISHED_DAYS = 30


class Media(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, console_origin: str):
        super().__init__(scope, construct_id)
        self.bucket = private_bucket(
            self, "Bucket",
            removal_policy=RemovalPolicy.RETAIN,
            cors=[s3.CorsRule(allowed_methods=[s3.HttpMethods.POST], allowed_origins=[console_origin],
                              allowed_headers=["*"], max_age=3600)],
            lifecycle_rules=[
                s3.LifecycleRule(id="UnusedUploads", prefix="uploads/",
                                 expiration=Duration.days(UNUSED_UPLOAD_DAYS),
                                 abort_incomplete_multipart_upload_after=Duration.days(1)),
                s3.LifecycleRule(id="UnpublishedPosts", prefix="posts/", tag_filters={"outcome": "unpublished"},
                                 expiration=Duration.days(UNPUBLISHED_DAYS)),
            ],
        )
        acknowledge(self.bucket, "AwsSolutions-S1",
                    "Every request to the bucket is signed by one of the functions' roles (presigned uploads and "
                    "links that expire in minutes), and each upload is recorded in the audit trail with its post; "
                    "server access logs would add a second bucket to keep and nothing a reviewer needs.")

    def grant(self, role: iam.IRole, access: str) -> None:
        """The actions MEDIA_ACTIONS gives ``access`` (READ or WRITE), on the key prefixes it names."""
        for prefix, actions in catalog.MEDIA_ACTIONS[access].items():
            role.add_to_principal_policy(iam.PolicyStatement(
                actions=list(actions), resources=[self.bucket.arn_for_objects(prefix)]))
            bucket_id = Stack.of(self).get_logical_id(self.bucket.node.default_child)
            acknowledge(role, f"AwsSolutions-IAM5[Resource::<{bucket_id}.Arn>/{prefix}]",
                        "Images are objects the functions create at run time under a fixed prefix (uploads/ by "
                        "the uploader's hash, posts/ by post id): only the prefix can be named in advance.")
