"""People: who they are, their roles, and whether they are in training mode."""

from __future__ import annotations

import re

from understudy import audit, data, directory, mfa
from understudy.auth import Caller
from understudy.cold_start import lazy
from understudy.errors import BadInput, Conflict, NotFound
from understudy.model import ADMINS, GROUPS, Page, User, normal_email, now_iso

# Only inviting and deactivating use these (understudy.cold_start.lazy): GET /me does not import them.
# Only inviting and deactivating need these (and posts, through leavers): not GET /me's first answer.
leavers, progress = lazy("understudy.leavers"), lazy("understudy.progress")

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def me(caller: Caller) -> dict:
    return {"email": caller.email, "name": caller.name, "roles": sorted(caller.roles),
            "trainingMode": caller.training_mode, **mfa.status(caller)}


def list_people(caller: Caller, cursor: str | None) -> Page[User]:
    caller.require_admin()
    return data.list_users(cursor=cursor)


def _roles(roles: list[str] | None) -> frozenset[str]:
    unknown = set(roles or ()) - GROUPS
    if unknown:
        raise BadInput(f"Unknown role(s): {', '.join(sorted(unknown))}; use admins or reviewers.")
    return frozenset(roles or ())


def _name(name: str | None, fallback: str) -> str:
    name = (name or "").strip()
    if len(name) > 100:
        raise BadInput("The name is too long (100 characters at most).")
    return name or fallback


def invite(caller: Caller, email: str, name: str | None, roles: list[str] | None,
           training_mode: bool) -> User:
    caller.require_admin()
    email = normal_email(email)
    if not EMAIL.match(email):
        raise BadInput(f"{email!r} is not an email address.")
    user = User(email=email, name=_name(name, email.split("@")[0]), roles=_roles(roles),
                training_mode=training_mode)
    existing = data.get_user(email)
    if existing and not existing.active:
        raise Conflict(f"{email} was deactivated; reactivate them instead (People, Deactivated).")
    if existing or directory.exists(email):
        raise Conflict(f"{email} is already a member.")
    directory.invite(email, user.name)
    directory.set_groups(email, frozenset(), user.roles)
    return data.save_user(user, new=True, also=(progress.fresh(email),))


def _mentors(user: User, chosen: frozenset[str], found: dict[str, User]) -> frozenset[str]:
    """Each mentor must be an existing reviewer or admin, and not the person themself."""
    if user.email in chosen:
        raise BadInput(f"{user.email} cannot mentor themself.")
    for address in sorted(chosen):
        mentor = found.get(address)
        if mentor is None:
            raise BadInput(f"There is nobody called {address!r} to be a mentor.")
        if not mentor.active:
            raise BadInput(f"{address} cannot be a mentor: they were deactivated.")
        if not mentor.roles & GROUPS:
            raise BadInput(f"{address} cannot be a mentor: only reviewers and admins review posts.")
    return chosen


def update(caller: Caller, email: str, *, training_mode: bool | None = None,
           roles: list[str] | None = None, name: str | None = None, mentors: list[str] | None = None) -> User:
    caller.require_admin()
    email = normal_email(email)
    chosen = frozenset(normal_email(m) for m in mentors) if mentors is not None else frozenset()
    found = data.get_users([email, *sorted(chosen)])  # the person and their mentors: one read
    user = found.get(email)
    if user is None:
        raise NotFound(f"There is nobody called {email!r}.")
    if not user.active:
        raise Conflict(f"{user.email} is deactivated; reactivate them first.")
    before = (user.roles, user.training_mode, user.mentors)
    if mentors is not None:
        user.mentors = _mentors(user, chosen, found)
    if roles is not None:
        new_roles = _roles(roles)
        if user.email == caller.email and "admins" in user.roles and "admins" not in new_roles:
            raise Conflict("You cannot remove your own admin role; ask another admin.")
        directory.set_groups(user.email, user.roles, new_roles)
        user.roles = new_roles
    if name is not None:
        user.name = _name(name, user.name)
        directory.set_name(user.email, user.name)
    if training_mode is not None:
        user.training_mode = training_mode
    changes = []  # audit entries, written with the person in one transaction
    if user.roles != before[0]:
        changes.append(audit.write_with(audit.Action.ROLES_CHANGED, caller.email, person=user.email,
                                        before=",".join(sorted(before[0])), after=",".join(sorted(user.roles))))
    if user.mentors != before[2]:
        changes.append(audit.write_with(audit.Action.MENTORS_CHANGED, caller.email, person=user.email,
                                        before=",".join(sorted(before[2])), after=",".join(sorted(user.mentors))))
    if user.training_mode != before[1]:
        changes.append(audit.write_with(audit.Action.TRAINING_MODE_CHANGED, caller.email, person=user.email,
                                        trainingMode=user.training_mode))
    if ADMINS in before[0] - user.roles:
        _save_vouched(user, caller, tuple(changes))
    else:
        data.save_user(user, also=tuple(changes))
    return user


def _existing(email: str) -> User:
    user = data.get_user(normal_email(email))
    if user is None:
        raise NotFound(f"There is nobody called {email!r}.")
    return user


def _save_vouched(user: User, caller: Caller, also: tuple[dict, ...] = ()) -> None:
    """Save a change that takes an admin role away, only while the caller is still an active admin."""
    try:
        data.save_user_vouched(user, caller.email, also)
    except data.NotAnActiveAdmin as exc:
        raise Conflict("This would leave no active admin: you are no longer an active admin yourself. "
                       "Reload the page.") from exc


def deactivate(caller: Caller, email: str) -> User:
    """Someone left: they can no longer sign in or act, are asked to review nothing, and their
    waiting posts are withdrawn; their record and history stay.

    Their record goes first (the API and review links check it on every request, so from that moment
    nothing they hold works), then Cognito (sign-in refused, sessions ended); their waiting posts and the
    mentor lists that name them are handed on to be settled asynchronously (understudy.leavers), so this
    makes three DynamoDB calls however much they leave behind. Repeating it on someone already
    deactivated finishes any step an earlier attempt did not reach."""
    caller.require_admin()
    user = _existing(email)
    if user.email == caller.email:
        raise Conflict("You cannot deactivate yourself; ask another admin.")
    if user.active:
        roles = user.roles
        user.active, user.roles = False, frozenset()
        user.deactivated_at, user.deactivated_by = now_iso(), caller.email
        _save_vouched(user, caller, (audit.write_with(audit.Action.DEACTIVATED, caller.email, person=user.email,
                                                       roles=",".join(sorted(roles)) or None),))
    directory.disable(user.email)
    leavers.hand_off(user.email, caller.email)
    return user


def reactivate(caller: Caller, email: str) -> User:
    """Let someone back in as a plain author in training mode: none of their old roles come back."""
    caller.require_admin()
    user = _existing(email)
    if user.active:
        raise Conflict(f"{user.email} is active already.")
    directory.enable(user.email)
    user.active, user.roles, user.training_mode = True, frozenset(), True
    user.deactivated_at = user.deactivated_by = ""
    data.save_user(user, also=(audit.write_with(audit.Action.REACTIVATED, caller.email, person=user.email),))
    return user
