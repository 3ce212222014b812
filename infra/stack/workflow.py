"""Step Functions: the review-post state machine from infra/workflows/review_post.asl.json.

The functions that talk to the workflow need its ARN, and the workflow needs the ARNs of the functions
it invokes: a cycle if both came from the resources. So the state machine has a fixed name (derived
from the stack's) and its ARN is built from that name (``arn_for``) for the functions, while the state
machine itself takes the functions' ARNs through ``definition_substitutions``.
"""

from __future__ import annotations

from aws_cdk import ArnFormat, RemovalPolicy, Stack
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_stepfunctions as sfn
from constructs import Construct

from infra import functions as catalog
from infra.stack import names
from infra.stack.nag import acknowledge


def arn_for(scope: Construct) -> str:
    stack = Stack.of(scope)
    return stack.format_arn(service="states", resource="stateMachine",
                            resource_name=names.state_machine_name(stack.stack_name),
                            arn_format=ArnFormat.COLON_RESOURCE_NAME)


class Workflow(Construct):
    def __init__(self, scope: Construct, construct_id: str, *,
                 tasks: list[tuple[catalog.FunctionSpec, lambda_.IFunction]]):
        super().__init__(scope, construct_id)
        stack_name = Stack.of(self).stack_name
        log_group = logs.LogGroup(self, "Logs", log_group_name=names.state_machine_log_group_name(stack_name),
                                  retention=names.LOG_RETENTION, removal_policy=RemovalPolicy.DESTROY)
        self.state_machine = sfn.StateMachine(
            self, "StateMachine",
            state_machine_name=names.state_machine_name(stack_name),
            state_machine_type=sfn.StateMachineType.STANDARD,
            definition_body=sfn.DefinitionBody.from_string(catalog.WORKFLOW_FILE.read_text(encoding="utf-8")),
            definition_substitutions={spec.substitution: function.function_arn for spec, function in tasks},
            # Every event, but not the data: the task payloads carry task tokens, which stay out of logs.
            logs=sfn.LogOptions(destination=log_group, level=sfn.LogLevel.ALL, include_execution_data=False),
            tracing_enabled=True,
        )
        # It may invoke exactly the workflow's task functions (unqualified ARNs, as the definition uses).
        self.state_machine.add_to_role_policy(iam.PolicyStatement(
            actions=["lambda:InvokeFunction"], resources=[function.function_arn for _, function in tasks]))
        acknowledge(self.state_machine.role, "AwsSolutions-IAM5[Resource::*]",
                    "Step Functions' log delivery (logs:CreateLogDelivery and the rest) and X-Ray tracing "
                    "(xray:PutTraceSegments and the rest) have no resource-level permissions: AWS requires "
                    "Resource * for them. Invoking functions is limited to the workflow's tasks by ARN.")
