"""The authenticated HTTP API behind the console. Routes parse, call the domain, shape the answer."""

from __future__ import annotations

from understudy import cold_start  # first: see understudy/cold_start.py

# isort: split
from typing import Annotated

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy.auth import Caller, caller_from_claims
from understudy.cold_start import lazy
from understudy.http import json_response, lazy_module, resolver
from understudy.observability import POSTS_SUBMITTED, count, logger, metrics
from understudy.powertools import Response, content_types

# The domain's modules, each imported when a route first calls it (understudy.cold_start.lazy): a cold
# start pays for what its own route uses (GET /me: people), not for every route's.
attention, audit, channel_admin, media, mfa, org, people, posts, progress, replies, schedule = (
    lazy(f"understudy.{name}") for name in ("attention", "audit", "channel_admin", "media", "mfa", "org", "people",
                                            "posts", "progress", "replies", "schedule"))

# Read only from routes' annotations, when a route that validates is first called (see understudy.http):
# pydantic stays out of a cold start that calls a route with nothing to validate, such as GET /me.
schemas = lazy_module("understudy.schemas")
params = lazy_module("aws_lambda_powertools.event_handler.openapi.params")

app = resolver()


def caller() -> Caller:
    """The caller as the users table knows them now (see understudy.auth): one GetItem per request,
    kept in the resolver's context, which Powertools clears after each request."""
    if "caller" not in app.context:
        app.append_context(caller=caller_from_claims(app.current_event.request_context.authorizer.jwt_claim))
    return app.context["caller"]


def page(result) -> dict:
    return {"items": [item.as_json() for item in result.items], "cursor": result.cursor}


@app.get("/me", enable_validation=False)
def get_me() -> dict:
    return people.me(caller())


@app.post("/me/mfa", enable_validation=False)
def confirm_mfa() -> dict:
    """After setting up TOTP in Cognito: the API asks Cognito and records the answer."""
    return mfa.confirm(caller())


@app.get("/channels", enable_validation=False)
def list_channels() -> dict:
    caller()
    return {"items": [channel.as_json() for channel in org.channels()]}


@app.get("/channels/kinds")
def channel_kinds() -> dict:
    """What an admin gives to connect each kind of channel (the console's Channels form)."""
    caller().require_admin()
    return {"items": channel_admin.kinds()}


@app.post("/channels")
def connect_channel(body: Annotated[schemas.NewChannel, params.Body()]):
    channel = channel_admin.connect(caller(), body.kind, body.name, body.credentials())
    return json_response(201, channel.as_json())


@app.delete("/channels/<channel_id>", enable_validation=False)
def remove_channel(channel_id: str):
    channel_admin.remove(caller(), channel_id)
    return Response(status_code=204, content_type=content_types.APPLICATION_JSON, body="")


def shown(post) -> dict:
    """A post as the console sees it: each image with a short-lived link."""
    answer = post.as_json()
    if any(revision.media for revision in post.revisions):
        media.with_links(answer)
    return answer


def images(items: list[schemas.AttachedImage] | None) -> list[dict] | None:
    return None if items is None else [item.model_dump() for item in items]


@app.post("/uploads")
def new_upload(body: Annotated[schemas.NewUpload, params.Body()]):
    upload = media.new_upload(caller().email, body.content_type, body.size)
    return json_response(201, upload)


@app.post("/posts")
def create_post(body: Annotated[schemas.NewPost, params.Body()]):
    post = posts.submit(caller(), body.channel_ids(), body.text, body.note, images(body.media),
                        publish_at=body.publish_at, reply_to=body.reply_to)
    count(POSTS_SUBMITTED)
    return json_response(201, shown(post))


@app.get("/posts")
def list_posts(mine: Annotated[bool, params.Query()] = False,
               status: Annotated[str | None, params.Query()] = None,
               cursor: Annotated[str | None, params.Query()] = None,
               order: Annotated[str | None, params.Query()] = None) -> dict:
    result = posts.list_for(caller(), mine=mine, status=status, cursor=cursor, order=order)
    return {"items": [shown(post) for post in result.items], "cursor": result.cursor}


@app.get("/posts/<post_id>", enable_validation=False)
def get_post(post_id: str) -> dict:
    return shown(posts.get(caller(), post_id))


@app.get("/posts/<post_id>/reply-to")
def get_replied(post_id: str) -> dict:
    """What the post answers, for its reviewer: {url, text} (text null where the network does not say)."""
    return {"replyTo": replies.answered(posts.get(caller(), post_id))}


@app.put("/posts/<post_id>")
def revise_post(post_id: str, body: Annotated[schemas.RevisedPost, params.Body()]) -> dict:
    publish_at = body.publish_at if "publish_at" in body.model_fields_set else posts.KEEP
    return shown(posts.revise(caller(), post_id, body.text, body.note, images(body.media), publish_at=publish_at))


@app.post("/posts/<post_id>/schedule")
def reschedule_post(post_id: str, body: Annotated[schemas.ScheduleBody, params.Body()]) -> dict:
    return shown(schedule.reschedule(caller(), post_id, body.publish_at))


@app.post("/posts/<post_id>/cancel")
def cancel_post(post_id: str) -> dict:
    return shown(schedule.cancel(caller(), post_id))


@app.get("/scheduled")
def list_scheduled(cursor: Annotated[str | None, params.Query()] = None) -> dict:
    result = schedule.scheduled(caller(), cursor)
    return {"items": [shown(post) for post in result.items], "cursor": result.cursor}


@app.post("/posts/<post_id>/withdraw", enable_validation=False)
def withdraw_post(post_id: str) -> dict:
    return shown(posts.withdraw(caller(), post_id))


@app.post("/posts/<post_id>/decision")
def decide_post(post_id: str, body: Annotated[schemas.DecisionBody, params.Body()]) -> dict:
    post = posts.decide(caller(), post_id, body.decision, body.feedback, revision=body.revision,
                        guidelines=body.guidelines, suggestion=body.suggestion, publish_at=body.publish_at)
    metrics.add_metric(name="Decisions", unit="Count", value=1)
    return shown(post)


@app.get("/attention")
def list_needing_attention(cursor: Annotated[str | None, params.Query()] = None) -> dict:
    result = attention.needing_attention(caller(), cursor)
    return {"items": [attention.item(post) for post in result.items], "cursor": result.cursor}


@app.post("/posts/<post_id>/attention")
def act_on_attention(post_id: str, body: Annotated[schemas.AttentionAction, params.Body()]) -> dict:
    return attention.act(caller(), post_id, body.action, channel=body.channel, url=body.url, note=body.note)


@app.get("/guidelines", enable_validation=False)
def get_guidelines() -> dict:
    caller()
    return org.guidelines().as_json()


@app.put("/guidelines")
def put_guidelines(body: Annotated[schemas.GuidelinesBody, params.Body()]) -> dict:
    return org.set_guidelines(caller(), body.markdown).as_json()


@app.get("/settings", enable_validation=False)
def get_settings() -> dict:
    return org.settings(caller()).as_json()


@app.put("/settings")
def put_settings(body: Annotated[schemas.SettingsBody, params.Body()]) -> dict:
    return org.set_settings(caller(), **body.model_dump(exclude_none=True)).as_json()


@app.get("/users")
def list_users(cursor: Annotated[str | None, params.Query()] = None) -> dict:
    return page(people.list_people(caller(), cursor))


@app.post("/users")
def invite_user(body: Annotated[schemas.NewUser, params.Body()]):
    user = people.invite(caller(), body.email, body.name, body.roles, body.training_mode)
    return json_response(201, user.as_json())


@app.patch("/users/<email>")
def update_user(email: str, body: Annotated[schemas.UserChanges, params.Body()]) -> dict:
    return people.update(caller(), email, training_mode=body.training_mode, roles=body.roles,
                         name=body.name, mentors=body.mentors).as_json()


@app.delete("/users/<email>", enable_validation=False)
def deactivate_user(email: str) -> dict:
    return people.deactivate(caller(), email).as_json()


@app.post("/users/<email>/reactivate", enable_validation=False)
def reactivate_user(email: str) -> dict:
    return people.reactivate(caller(), email).as_json()


@app.get("/users/<email>/progress", enable_validation=False)
def get_progress(email: str) -> dict:
    return progress.of(caller(), email)


@app.get("/audit")
def list_audit(cursor: Annotated[str | None, params.Query()] = None,
               user: Annotated[str | None, params.Query()] = None,
               post: Annotated[str | None, params.Query()] = None,
               action: Annotated[str | None, params.Query()] = None,
               start: Annotated[str | None, params.Query(alias="from")] = None,
               end: Annotated[str | None, params.Query(alias="to")] = None) -> dict:
    return page(audit.entries(caller(), user=user, post=post, action=action, start=start, end=end,
                              cursor=cursor))


@app.get("/audit.csv")
def export_audit(user: Annotated[str | None, params.Query()] = None,
                 post: Annotated[str | None, params.Query()] = None,
                 action: Annotated[str | None, params.Query()] = None,
                 start: Annotated[str | None, params.Query(alias="from")] = None,
                 end: Annotated[str | None, params.Query(alias="to")] = None):
    body, truncated = audit.csv_export(caller(), user=user, post=post, action=action, start=start, end=end)
    headers = {"Content-Disposition": f'attachment; filename="{audit.export_name()}"',
               "Cache-Control": "no-store"}
    if truncated:
        headers["X-Understudy-Truncated"] = f"first {audit.EXPORT_LIMIT} rows only; narrow the dates"
    return Response(status_code=200, content_type="text/csv; charset=utf-8", body=body, headers=headers)


@app.get("/openapi.json")
def openapi():
    caller()
    from understudy import api_document

    return json_response(200, api_document.build(app))


@cold_start.first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
