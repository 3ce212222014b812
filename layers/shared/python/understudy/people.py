"""People: who they are, their roles, and whether they are in training mode."""

from __future__ import annotations

import re

from understudy import audit, data, directory, mfa, progress
from understudy.auth import Caller
from understudy.errors import BadInput, Conflict, NotFound
from understudy.model import GROUPS, Page, User

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def me(caller: Caller) -> dict:
    user = data.get_user(caller.email)
    return {"email": caller.email, "name": user.name if user else caller.name,
            "roles": sorted(caller.roles), "trainingMode": user.training_mode if user else True,
            **mfa.status(caller, user)}


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
    email = email.strip().lower()
    if not EMAIL.match(email):
        raise BadInput(f"{email!r} is not an email address.")
    user = User(email=email, name=_name(name, email.split("@")[0]), roles=_roles(roles),
                training_mode=training_mode)
    if data.get_user(email) or directory.exists(email):
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
        if not mentor.roles & GROUPS:
            raise BadInput(f"{address} cannot be a mentor: only reviewers and admins review posts.")
    return chosen


def update(caller: Caller, email: str, *, training_mode: bool | None = None,
           roles: list[str] | None = None, name: str | None = None, mentors: list[str] | None = None) -> User:
    caller.require_admin()
    email = email.strip().lower()
    chosen = frozenset(m.strip().lower() for m in mentors) if mentors is not None else frozenset()
    found = data.get_users([email, *sorted(chosen)])  # the person and their mentors: one read
    user = found.get(email)
    if user is None:
        raise NotFound(f"There is nobody called {email!r}.")
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
    data.save_user(user, also=tuple(changes))
    return user
