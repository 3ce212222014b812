"""What someone deactivated leaves behind: their waiting posts and the mentor lists that name them.

Deactivating (``people.deactivate``) changes the person's record, with its audit entry and the
last-admin check, in one transaction, and ends their Cognito sessions: a fixed number of DynamoDB calls.
What they leave behind grows with the person (one post may be waiting, or forty; they may mentor
nobody, or a whole team), so the request hands it on (``hand_off``): an asynchronous invoke of the
notify function, which Lambda queues and retries twice if it fails (the function's errors alarm). There
``settle`` withdraws each waiting post, with the reason in its history and in the audit trail, sending
its workflow the outcome so the execution ends, and takes the person off each mentee's mentor list,
audited. Settling twice changes nothing more (Lambda may deliver an event twice; an admin may deactivate
again to finish what a failed run left), and nothing is settled for someone reactivated meanwhile.
"""

from __future__ import annotations

import json
from functools import cache

from understudy import audit, aws, data, posts
from understudy.config import config
from understudy.observability import logger

EVENT = "deactivated"  # the notify function's event for settling what someone left behind


@cache
def _lambda():
    return aws.client("lambda")


def reason(name: str, by: str) -> str:
    """Why their posts were withdrawn and they left mentor lists: in the posts' history and the audit."""
    return f"{name} was deactivated by {by}"


def hand_off(person: str, by: str) -> None:
    """Queue the settling of what ``person`` (deactivated by ``by``) left behind; returns at once."""
    _lambda().invoke(FunctionName=config().notify_function, InvocationType="Event",
                     Payload=json.dumps({"event": EVENT, "person": person, "by": by}).encode())


def settle(person: str, by: str) -> dict:
    """Withdraw the waiting posts of ``person`` and take them off every mentor list, if they are still
    deactivated; how many of each were changed."""
    user = data.get_user(person)
    if user is None or user.active:
        logger.info("Nothing to settle: the person is not deactivated", extra={"person": person})
        return {"withdrawn": 0, "mentorListsChanged": 0}
    why = reason(user.name or user.email, by)
    withdrawn = posts.withdraw_all_by(user.email, by, why)
    mentees = data.mentees_of(user.email)
    for mentee in mentees:
        after = data.drop_mentor(mentee.email, user.email)
        audit.record(audit.Action.MENTORS_CHANGED, by, person=mentee.email,
                     before=",".join(sorted(mentee.mentors)), after=",".join(sorted(after)), reason=why)
    return {"withdrawn": len(withdrawn), "mentorListsChanged": len(mentees)}
