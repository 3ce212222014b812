"""SES: the sender identity (an address, or a whole domain) and a configuration set.

The configuration set is the identity's default, so every message the functions send goes through
it (reputation metrics, TLS required, bounces and complaints suppressed) without the code naming it.
"""

from __future__ import annotations

from aws_cdk import ArnFormat, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_ses as ses
from constructs import Construct

from infra.stack.settings import Settings

SEND_ACTIONS = ("ses:SendEmail", "ses:SendRawEmail")


class Email(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, settings: Settings):
        super().__init__(scope, construct_id)
        self.sender = settings.sender_email
        self.configuration_set = ses.ConfigurationSet(
            self, "ConfigurationSet",
            reputation_metrics=True,
            sending_enabled=True,
            tls_policy=ses.ConfigurationSetTlsPolicy.REQUIRE,
            suppression_reasons=ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
        )
        identity = (ses.Identity.domain(settings.sender_domain) if settings.sender_domain
                    else ses.Identity.email(settings.sender_email))
        self.identity = ses.EmailIdentity(self, "Identity", identity=identity,
                                          configuration_set=self.configuration_set)

    def grant_send(self, grantee: iam.IGrantable) -> None:
        """Send from the sender address only, through the configuration set.

        The resource is every identity of this account in this region because SES also authorises
        the recipients' identities while the account is in the SES sandbox (verified test addresses);
        the condition on ses:FromAddress is what pins the sender.
        """
        stack = Stack.of(self)
        identities = stack.format_arn(service="ses", resource="identity", resource_name="*",
                                      arn_format=ArnFormat.SLASH_RESOURCE_NAME)
        configuration_set = stack.format_arn(service="ses", resource="configuration-set",
                                             resource_name=self.configuration_set.configuration_set_name,
                                             arn_format=ArnFormat.SLASH_RESOURCE_NAME)
        grantee.grant_principal.add_to_principal_policy(iam.PolicyStatement(
            actions=list(SEND_ACTIONS), resources=[identities, configuration_set],
            conditions={"StringEquals": {"ses:FromAddress": self.sender}},
        ))
