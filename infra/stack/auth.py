"""Cognito: who may sign in to the console, and in which groups (the API's roles).

No self sign-up: admins invite people from the console (the api function calls AdminCreateUser) and
Cognito emails each a temporary password. Sign-in is by email address. The pool offers TOTP MFA
(optional): each person sets it up in the console, which then asks for a code at every sign-in. An
organisation requires it of admins and reviewers with the ``requireMfa`` setting, which the API enforces
(understudy.mfa); the pool itself does not require it of everyone.
"""

from __future__ import annotations

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cognito as cognito
from aws_cdk import aws_iam as iam
from constructs import Construct

from infra.stack import names
from infra.stack.nag import acknowledge
from infra.stack.settings import Settings

INVITATION_SUBJECT = "You are invited to Understudy"


def invitation_body(console_url: str) -> str:
    return (f"You have been invited to Understudy, where posts to your organisation's social media accounts "
            f"are written and reviewed.<br><br>Sign in at {console_url} with your email address {{username}} "
            f"and this temporary password: {{####}}<br><br>You will choose your own password when you first "
            f"sign in. The temporary password expires in 7 days.")


class Auth(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, settings: Settings, console_url: str):
        super().__init__(scope, construct_id)
        self.pool = cognito.UserPool(
            self, "UserPool",
            self_sign_up_enabled=False,
            sign_in_aliases=cognito.SignInAliases(email=True),
            sign_in_case_sensitive=False,
            auto_verify=cognito.AutoVerifiedAttrs(email=True),
            standard_attributes=cognito.StandardAttributes(
                email=cognito.StandardAttribute(required=True, mutable=True),
                fullname=cognito.StandardAttribute(required=False, mutable=True),
            ),
            password_policy=cognito.PasswordPolicy(
                min_length=12, require_lowercase=True, require_uppercase=True, require_digits=True,
                require_symbols=True, temp_password_validity=Duration.days(7), password_history_size=5,
            ),
            mfa=cognito.Mfa.OPTIONAL,
            mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False),
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            user_invitation=cognito.UserInvitationConfig(email_subject=INVITATION_SUBJECT,
                                                         email_body=invitation_body(console_url)),
            # make destroy removes the pool with everything else; only the tables are kept.
            removal_policy=RemovalPolicy.DESTROY,
            deletion_protection=False,
        )
        acknowledge(self.pool, "AwsSolutions-COG2",
                    "The pool offers TOTP MFA to everyone; the organisation's requireMfa setting has the API refuse "
                    "admin and reviewer routes to anyone who has not set it up (README, Security). Requiring it in "
                    "the pool would force it on every author as well, which is the organisation's choice, not the "
                    "stack's. Sign-up is closed and passwords are long.")
        for rule in ("AwsSolutions-COG3", "AwsSolutions-COG8"):
            acknowledge(self.pool, rule,
                        "Threat protection needs Cognito's Plus feature plan, billed per monthly active user; it "
                        "is the operator's choice (README, Deploy to AWS). Passwords are strong, sign-up is closed and "
                        "Cognito's lockout after repeated failed sign-ins applies on the Essentials plan.")
        self.groups = {
            group: cognito.CfnUserPoolGroup(self, f"{group.capitalize()}Group", user_pool_id=self.pool.user_pool_id,
                                            group_name=group,
                                            description=f"Understudy {group}: see docs/architecture.md, Roles")
            for group in names.GROUPS
        }
        self.client = self.pool.add_client(
            "ConsoleClient",
            generate_secret=False,
            disable_o_auth=True,  # the console signs in through the API (InitiateAuth), not the hosted UI
            auth_flows=cognito.AuthFlow(user_password=True, user_srp=True),
            prevent_user_existence_errors=True,
            enable_token_revocation=True,
            id_token_validity=Duration.hours(1),
            access_token_validity=Duration.hours(1),
            refresh_token_validity=Duration.days(1),
            # The ID token is what the console sends; the API reads email and name from it.
            read_attributes=cognito.ClientAttributes().with_standard_attributes(
                email=True, email_verified=True, fullname=True),
            write_attributes=cognito.ClientAttributes().with_standard_attributes(fullname=True),
        )
        self.admin = self._first_admin(settings) if settings.admin_email else None

    def _first_admin(self, settings: Settings) -> cognito.CfnUserPoolUser:
        """The operator's own account, so someone can sign in after the first deploy."""
        user = cognito.CfnUserPoolUser(
            self, "FirstAdmin", user_pool_id=self.pool.user_pool_id, username=settings.admin_email,
            desired_delivery_mediums=["EMAIL"],
            user_attributes=[
                cognito.CfnUserPoolUser.AttributeTypeProperty(name="email", value=settings.admin_email),
                cognito.CfnUserPoolUser.AttributeTypeProperty(name="email_verified", value="true"),
                cognito.CfnUserPoolUser.AttributeTypeProperty(name="name", value=settings.admin_name),
            ],
        )
        membership = cognito.CfnUserPoolUserToGroupAttachment(
            self, "FirstAdminIsAdmin", user_pool_id=self.pool.user_pool_id, username=settings.admin_email,
            group_name=names.ADMIN_GROUP)
        membership.node.add_dependency(user, self.groups[names.ADMIN_GROUP])
        # A later deploy without -c adminEmail must not delete the account (or its admin role).
        for resource in (user, membership):
            resource.apply_removal_policy(RemovalPolicy.RETAIN)
        return user

    def grant_admin_actions(self, grantee: iam.IGrantable, actions: tuple[str, ...]) -> None:
        if actions:
            self.pool.grant(grantee, *(f"cognito-idp:{action}" for action in actions))

