"""The one description of Understudy's functions, read by both the CDK stack and the sandbox.

Each entry says where the handler lives, which HTTP routes reach it and what it may touch. The
sandbox builds its gateway and its Lambda endpoint from this list; the CDK stack builds functions,
routes, environment and IAM from it; a test holds the two to the same set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUNCTIONS_DIR = ROOT / "functions"
LAYER_DIR = ROOT / "layers" / "shared"
# Pillow in a layer of its own, given only to the functions with `images=True` (see FunctionSpec).
IMAGES_LAYER_DIR = ROOT / "layers" / "images"
WORKFLOW_FILE = ROOT / "infra" / "workflows" / "review_post.asl.json"
CONSOLE_DIR = ROOT / "console"

# Logical table names; each maps to an environment variable holding the real name.
TABLES = {
    "users": "USERS_TABLE",
    "posts": "POSTS_TABLE",
    "org": "ORG_TABLE",
    "audit": "AUDIT_TABLE",
}
# Logical secret names; each maps to an environment variable holding the secret's name or ARN.
SECRETS = {
    "link_key": "LINK_KEY_SECRET",
}

READ = "read"
WRITE = "write"  # write implies read

# Each channel's credentials live in the secret <CHANNEL_SECRET_PREFIX><channel id>; the secrets are
# made at run time (when an admin connects a channel), so access is granted on the name pattern
# arn:aws:secretsmanager:<region>:<account>:secret:<CHANNEL_SECRET_PREFIX>* (Secrets Manager appends
# a random suffix to each ARN). The functions read the prefix from the same-named environment variable,
# whose default is this value.
CHANNEL_SECRET_PREFIX = "understudy/channels/"  # noqa: S105 a name prefix, not a secret
# Step Functions actions granted on the state machine's executions rather than on the state machine.
EXECUTION_ACTIONS = frozenset({"StopExecution"})

CHANNEL_SECRET_ACTIONS = {
    READ: ("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
    WRITE: ("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:CreateSecret",
            "secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret", "secretsmanager:RestoreSecret"),
}


# The private media bucket (posts' images): what each level of access may do, by key prefix. The API
# signs the browser's upload POSTs (so it needs PutObject on uploads/), cleans them into posts/ and
# deletes them; notify and the API tag the images of posts that end unpublished (a copy onto itself
# with new tags) and untag those a post is published with; the others only read the clean images (or
# sign links to them).
MEDIA_ACTIONS = {
    READ: {"posts/*": ("s3:GetObject",)},
    WRITE: {"uploads/*": ("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
            "posts/*": ("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:PutObjectTagging",
                        "s3:DeleteObjectTagging")},
}


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    # False only for the review-link routes: they carry an HMAC-signed token instead of a JWT.
    authorized: bool = True

    @property
    def key(self) -> str:
        """API Gateway v2 route key, e.g. ``GET /posts/{id}``."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class FunctionSpec:
    name: str
    description: str
    tables: dict[str, str] = field(default_factory=dict)  # logical table -> READ | WRITE
    secrets: tuple[str, ...] = ()
    # Access to the channels' credential secrets: "" (none), READ or WRITE (see CHANNEL_SECRET_ACTIONS).
    channel_secrets: str = ""
    # Access to the media bucket: "" (none), READ or WRITE (see MEDIA_ACTIONS).
    media: str = ""
    # Step Functions actions on the review-post state machine, e.g. ("StartExecution",).
    states_actions: tuple[str, ...] = ()  # on the state machine, except EXECUTION_ACTIONS (on its executions)
    sends_email: bool = False
    # Cognito admin actions on the user pool (inviting people, changing groups).
    cognito_actions: tuple[str, ...] = ()
    routes: tuple[Route, ...] = ()
    # Invoked by the workflow (Step Functions lambda:invoke); the CDK grants invoke to the state machine.
    workflow_task: bool = False
    # Functions this one hands work to with an asynchronous invoke (Lambda's Event invocation type: Lambda
    # queues the event, retries a failed run twice, and the target's errors alarm). Each target's name is
    # in the environment variable ``invoke_variable(target)``; the CDK grants lambda:InvokeFunction on it.
    invokes: tuple[str, ...] = ()
    # Decodes or re-encodes images (understudy.images, Pillow): the stack adds the images layer.
    images: bool = False
    timeout_seconds: int = 10
    memory_mb: int = 256

    @property
    def handler_file(self) -> Path:
        return FUNCTIONS_DIR / self.name / "handler.py"

    @property
    def handler(self) -> str:
        return "handler.lambda_handler"

    @property
    def code_dir(self) -> Path:
        return FUNCTIONS_DIR / self.name

    @property
    def substitution(self) -> str:
        """The ``${...}`` name the workflow definition uses for this function's ARN."""
        return "".join(part.capitalize() for part in self.name.split("_")) + "FunctionArn"


def invoke_variable(target: str) -> str:
    """The environment variable naming the function ``target`` (e.g. NOTIFY_FUNCTION) for its invokers."""
    return f"{target.upper()}_FUNCTION"


def _authorized(*keys: str) -> tuple[Route, ...]:
    return tuple(Route(*key.split(" ", 1)) for key in keys)


FUNCTIONS: tuple[FunctionSpec, ...] = (
    FunctionSpec(
        name="api",
        description="The authenticated HTTP API behind the console.",
        tables={"users": WRITE, "posts": WRITE, "org": WRITE, "audit": WRITE},
        states_actions=("StartExecution", "StopExecution", "SendTaskSuccess", "SendTaskFailure"),
        cognito_actions=(
            "AdminCreateUser",
            "AdminGetUser",
            "AdminAddUserToGroup",
            "AdminRemoveUserFromGroup",
            "AdminUpdateUserAttributes",
            "AdminDisableUser",
            "AdminEnableUser",
            "AdminUserGlobalSignOut",
        ),
        channel_secrets=WRITE,
        media=WRITE,
        images=True,  # cleans uploads when a post is submitted or revised
        # Deactivating someone hands what they leave behind (waiting posts, mentor lists) to notify, so
        # the request makes a fixed number of DynamoDB calls however much that is (understudy.leavers).
        invokes=("notify",),
        routes=_authorized(
            "GET /me",
            "POST /me/mfa",
            "GET /channels",
            "GET /channels/kinds",
            "POST /channels",
            "DELETE /channels/{id}",
            "POST /uploads",
            "POST /posts",
            "GET /posts",
            "GET /posts/{id}",
            "PUT /posts/{id}",
            "GET /posts/{id}/reply-to",
            "POST /posts/{id}/schedule",
            "POST /posts/{id}/cancel",
            "GET /scheduled",
            "POST /posts/{id}/withdraw",
            "POST /posts/{id}/decision",
            "GET /attention",
            "POST /posts/{id}/attention",
            "GET /guidelines",
            "PUT /guidelines",
            "GET /users",
            "POST /users",
            "PATCH /users/{email}",
            "DELETE /users/{email}",
            "POST /users/{email}/reactivate",
            "GET /users/{email}/progress",
            "GET /settings",
            "PUT /settings",
            "GET /audit",
            "GET /audit.csv",
            "GET /openapi.json",
        ),
    ),
    FunctionSpec(
        name="review_link",
        description="Shows and decides a post from a signed, expiring review link (no login).",
        # org: WRITE for the author's progress summary, updated with each decision
        tables={"users": READ, "posts": WRITE, "org": WRITE, "audit": WRITE},
        secrets=("link_key",),
        states_actions=("SendTaskSuccess",),
        media=READ,
        routes=(
            Route("POST", "/review-links/view", authorized=False),
            Route("POST", "/review-links/decide", authorized=False),
        ),
    ),
    FunctionSpec(
        name="request_review",
        description="Stores the workflow's task token on the post and emails reviewers signed links.",
        tables={"users": READ, "posts": WRITE, "org": READ, "audit": WRITE},
        secrets=("link_key",),
        states_actions=("SendTaskSuccess",),
        sends_email=True,
        media=READ,
        images=True,  # thumbnails in the review emails
        workflow_task=True,
        memory_mb=512,  # makes the emails' thumbnails (Pillow) quickly
    ),
    FunctionSpec(
        name="publish",
        description="Publishes an approved revision to each of its channels, at most once on each.",
        tables={"posts": WRITE, "org": READ, "audit": WRITE},
        channel_secrets=READ,
        media=READ,
        images=True,  # for fitting images to a channel's limits at publish (issue 11: Bluesky)
        workflow_task=True,
        timeout_seconds=240,  # each of a post's channels in turn: up to four image uploads, then the post
        memory_mb=1024,  # room for Pillow to make a large image fit Bluesky's 1 MB (8192×8192 at most)
    ),
    FunctionSpec(
        name="notify",
        description="Moves a post to its final status where needed and emails the author (and admins); "
                    "withdraws the waiting posts of someone deactivated and takes them off mentor lists.",
        # users: WRITE to take someone deactivated off their mentees' mentor lists (understudy.leavers)
        tables={"users": WRITE, "posts": WRITE, "org": READ, "audit": WRITE},
        states_actions=("SendTaskSuccess",),
        sends_email=True,
        media=WRITE,
        workflow_task=True,
    ),
)

BY_NAME = {spec.name: spec for spec in FUNCTIONS}


def routes() -> dict[str, FunctionSpec]:
    """Every HTTP route key mapped to the function it reaches."""
    return {route.key: spec for spec in FUNCTIONS for route in spec.routes}
