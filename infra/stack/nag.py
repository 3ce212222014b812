"""cdk-nag: the AwsSolutions checks, and acknowledgements that each say why.

cdk-nag 3 is a CDK policy-validation plugin: registered with ``Validations.of(app).add_plugins(...)``,
it runs during synthesis and fails it on any finding nobody acknowledged. Acknowledgements go through
CDK's own ``Validations.of(construct).acknowledge(...)``; each one here names the exact finding
(e.g. ``AwsSolutions-IAM5[Resource::*]``) and carries a reason a reviewer can check.
"""

from __future__ import annotations

from aws_cdk import Acknowledgment, App, Validations
from cdk_nag import AwsSolutionsChecks
from constructs import IConstruct

MIN_REASON = 40  # characters: a reason, not a shrug


def check(app: App) -> None:
    Validations.of(app).add_plugins(AwsSolutionsChecks(app))


def acknowledge(scope: IConstruct, rule: str, reason: str) -> None:
    if len(reason) < MIN_REASON:
        raise ValueError(f"The acknowledgement of {rule} needs a real reason, not {reason!r}.")
    Validations.of(scope).acknowledge(Acknowledgment(id=rule, reason=reason))
