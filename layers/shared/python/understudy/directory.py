"""Cognito, where people sign in: invitations, group membership (kept in step with the users table,
which is what the API checks) and turning sign-in off and on."""

from __future__ import annotations

from functools import cache

from understudy import aws
from understudy.config import config
from understudy.model import GROUPS


@cache
def _cognito():
    return aws.client("cognito-idp")


def invite(email: str, name: str) -> None:
    """Create the account; Cognito emails the person a temporary password to sign in with."""
    _cognito().admin_create_user(
        UserPoolId=config().user_pool_id, Username=email,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"},
                        {"Name": "name", "Value": name}],
        DesiredDeliveryMediums=["EMAIL"],
    )


def exists(email: str) -> bool:
    client = _cognito()
    try:
        client.admin_get_user(UserPoolId=config().user_pool_id, Username=email)
    except client.exceptions.UserNotFoundException:
        return False
    return True


def set_name(email: str, name: str) -> None:
    _cognito().admin_update_user_attributes(UserPoolId=config().user_pool_id, Username=email,
                                            UserAttributes=[{"Name": "name", "Value": name}])


def set_groups(email: str, before: frozenset[str], after: frozenset[str]) -> None:
    client, pool = _cognito(), config().user_pool_id
    for group in sorted((after - before) & GROUPS):
        client.admin_add_user_to_group(UserPoolId=pool, Username=email, GroupName=group)
    for group in sorted((before - after) & GROUPS):
        client.admin_remove_user_from_group(UserPoolId=pool, Username=email, GroupName=group)


def totp_enabled(email: str) -> bool:
    """Whether Cognito has TOTP MFA turned on for the person (it is in AdminGetUser's UserMFASettingList)."""
    answer = _cognito().admin_get_user(UserPoolId=config().user_pool_id, Username=email)
    return "SOFTWARE_TOKEN_MFA" in (answer.get("UserMFASettingList") or [])


def disable(email: str) -> None:
    """Take the person's groups, refuse their sign-in from now on and end their sessions (Cognito revokes
    their refresh tokens, so no new ID token is issued; an ID token already issued is refused by the API,
    which reads the person's record on every request). Someone with no Cognito account has nothing to end."""
    client, pool = _cognito(), config().user_pool_id
    try:
        set_groups(email, GROUPS, frozenset())
        client.admin_disable_user(UserPoolId=pool, Username=email)
        client.admin_user_global_sign_out(UserPoolId=pool, Username=email)
    except client.exceptions.UserNotFoundException:
        return


def enable(email: str) -> None:
    """Let the person sign in again (with their old password; in no group)."""
    _cognito().admin_enable_user(UserPoolId=config().user_pool_id, Username=email)
