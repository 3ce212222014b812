"""Request bodies of the HTTP API: validated by Powertools and described in /openapi.json."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, StrictBool, create_model, model_validator

from understudy.text import CONTROL_IN_TEXT, FEEDBACK_LIMIT, LINE_BREAKING, NOT_ONE_LINE, NOTE_LIMIT, TEXT_CAP

DecisionName = Literal["approve", "request_changes", "reject"]


def _one_line(value: str) -> str:
    if NOT_ONE_LINE.search(value):
        raise ValueError("must be one line of text, without line breaks or control characters")
    return value


def _no_control(value: str) -> str:
    if CONTROL_IN_TEXT.search(value):
        raise ValueError("must not contain control characters (line breaks and tabs are fine)")
    return value


# Names and addresses end up in email headers and on one line on screen: the one check for all of them.
OneLine = Annotated[str, AfterValidator(_one_line), Field(json_schema_extra={"pattern": f"^[^{LINE_BREAKING}]*$"})]
Text = Annotated[str, AfterValidator(_no_control)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


PUBLISH_AT = ("When the post goes live once approved: ISO 8601 with an offset, at least a minute and at "
              "most a year ahead.")


def _publish_at() -> str | None:
    return Field(default=None, alias="publishAt", max_length=64, description=PUBLISH_AT)


class AttachedImage(_Body):
    key: str = Field(min_length=1, max_length=200, description="From POST /uploads, or an image the post has.")
    alt: str = Field(default="", max_length=2000, description="Alt text, 1 to 1000 characters (checked on submit).")


ChannelId = Annotated[str, Field(min_length=1, max_length=100)]


class NewPost(_Body):
    channels: list[ChannelId] | None = Field(
        default=None, min_length=1, max_length=10,
        description="Where the post goes (channel ids): one review covers them all, and each is published on its "
                    "own. Give this or channel.")
    channel: str | None = Field(default=None, min_length=1, max_length=100,
                                description="One channel: the same as channels with one id.")
    text: str = Field(max_length=TEXT_CAP, description="Checked against the channel's length rules.")
    note: str | None = Field(default=None, max_length=NOTE_LIMIT, description="For the reviewer.")
    publish_at: str | None = _publish_at()
    reply_to: str | None = Field(default=None, alias="replyTo", max_length=500,
                                 description="The address of a public post on the channel's network to answer.")
    media: list[AttachedImage] = Field(default_factory=list, max_length=10, description="Up to 4 images.")

    @model_validator(mode="after")
    def _one_way_to_say_where(self) -> NewPost:
        if (self.channel is None) == (self.channels is None):
            raise ValueError("give channels (a list of channel ids) or channel (one id), not both and not neither")
        return self

    def channel_ids(self) -> list[str]:
        return list(self.channels) if self.channels is not None else [self.channel]


class RevisedPost(_Body):
    text: str = Field(max_length=TEXT_CAP)
    note: str | None = Field(default=None, max_length=NOTE_LIMIT)
    media: list[AttachedImage] | None = Field(
        default=None, max_length=10, description="The revision's images; left out, the current ones stay.")
    publish_at: str | None = Field(default=None, alias="publishAt", max_length=64,
                                   description=PUBLISH_AT + " Left out: unchanged; null: as soon as approved.")


class ScheduleBody(_Body):
    publish_at: str = Field(alias="publishAt", max_length=64, description=PUBLISH_AT)



class NewUpload(_Body):
    content_type: str = Field(alias="contentType", min_length=1, max_length=100,
                              description="image/jpeg, image/png, image/gif or image/webp.")
    size: int = Field(description="The file's size in bytes; at most 5 MB.")


class DecisionBody(_Body):
    decision: DecisionName
    feedback: str = Field(default="", max_length=FEEDBACK_LIMIT)
    revision: int | None = Field(default=None, ge=1, description="Refuse if the post has moved on.")
    guidelines: list[str] = Field(default_factory=list, max_length=20,
                                  description="Guideline items (bullet points) the post concerns.")
    suggestion: str | None = Field(default=None, max_length=TEXT_CAP,
                                   description="A corrected text (request_changes); the post's length rules apply.")
    publish_at: str | None = Field(default=None, alias="publishAt", max_length=64,
                                   description="approve: set or change when the post goes live. " + PUBLISH_AT)


class AttentionAction(_Body):
    """What an admin does about a post that needs attention (see understudy/attention.py)."""

    action: Literal["publish_again", "mark_live", "close"]
    channel: str | None = Field(default=None, min_length=1, max_length=100,
                                description="publish_again, mark_live: which of the post's channels; left out, "
                                            "every channel the action fits (mark_live: the only one).")
    url: str | None = Field(default=None, max_length=500,
                            description="mark_live: the post's address, as the admin found it on the network.")
    note: str | None = Field(default=None, max_length=NOTE_LIMIT,
                             description="Shown to the author; needed to close.")


class NewUser(_Body):
    email: OneLine = Field(min_length=3, max_length=254)
    name: OneLine | None = Field(default=None, max_length=100)
    roles: list[str] = Field(default_factory=list)
    training_mode: bool = Field(default=True, alias="trainingMode")


class UserChanges(_Body):
    training_mode: bool | None = Field(default=None, alias="trainingMode")
    roles: list[str] | None = None
    name: OneLine | None = Field(default=None, max_length=100)
    mentors: list[str] | None = Field(default=None, max_length=20,
                                      description="Reviewers or admins this person's posts go to first; [] for all.")


class GuidelinesBody(_Body):
    markdown: Text = Field(max_length=20_000)


class SettingsBody(_Body):
    """Every field is optional: what is left out keeps its current value."""

    remind_after_seconds: int | None = Field(default=None, alias="remindAfterSeconds",
                                             description="Reviewers are reminded after this long.")
    escalate_after_seconds: int | None = Field(default=None, alias="escalateAfterSeconds",
                                               description="The admins are asked to decide after this long.")
    expire_after_seconds: int | None = Field(default=None, alias="expireAfterSeconds",
                                             description="The post expires and its author is told after this long.")
    revision_expire_after_seconds: int | None = Field(
        default=None, alias="revisionExpireAfterSeconds",
        description="A post waiting for its author's changes expires after this long.")
    sender_email: OneLine | None = Field(default=None, alias="senderEmail", max_length=254)
    ready_min_posts: int | None = Field(
        default=None, alias="readyMinPosts",
        description="Decided posts a trainee needs before the readiness hint judges them (1 to 1000).")
    ready_first_time_share: float | None = Field(
        default=None, alias="readyFirstTimeShare",
        description="Share of those posts approved first time that suggests readiness (0 to 1).")
    require_mfa: StrictBool | None = Field(
        default=None, alias="requireMfa",
        description="Admins and reviewers must set up TOTP MFA; until then their admin and reviewer routes "
                    "answer 403. Turning it on needs MFA set up for yourself.")


class _NewChannel(_Body):
    """An account to connect. Its values are checked with the network, stored in Secrets Manager and
    never shown again (SecretStr keeps the secret ones out of reprs and logs)."""

    name: OneLine = Field(min_length=1, max_length=60, description="Shown to authors; its slug becomes the id.")

    def credentials(self) -> dict[str, str]:
        values = {}
        for key, info in type(self).model_fields.items():
            if key not in ("kind", "name"):
                value = getattr(self, key)
                values[info.alias or key] = value.get_secret_value() if isinstance(value, SecretStr) else value
        return values


def _new_channel_model(kind: str, form) -> type[_NewChannel]:
    """The request body for connecting one kind, made from its ``CONNECT`` form (understudy.channels)."""
    fields = {"kind": (Literal[kind], ...)}
    for each in form.fields:
        fields[each.key] = (SecretStr if each.secret else OneLine,
                            Field(min_length=1, max_length=each.max_length, description=each.hint or None))
    return create_model(f"New{kind.title()}Channel", __base__=_NewChannel, __doc__=form.intro, **fields)


def _new_channel():
    from understudy.channels import connectable

    models = tuple(_new_channel_model(kind, form) for kind, form in connectable().items())
    return Annotated[Union[models], Field(discriminator="kind")]  # noqa: UP007 a Union built at run time


# One body per connectable kind, told apart by ``kind``: adding a kind to the catalog adds its body.
NewChannel = _new_channel()
