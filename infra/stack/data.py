"""DynamoDB: the four tables understudy.data's models describe.

Every table is on-demand, encrypted with the AWS-managed key, keeps point-in-time recovery, is
protected against deletion and is retained when the stack is deleted (``make destroy`` keeps the data).
The key schemas and indexes must match the pynamodb models; tests/infra holds them equal.
"""

from __future__ import annotations

from dataclasses import dataclass

from aws_cdk import RemovalPolicy
from aws_cdk import aws_dynamodb as dynamodb
from constructs import Construct

S = dynamodb.AttributeType.STRING


@dataclass(frozen=True)
class Index:
    name: str
    partition_key: str
    sort_key: str


@dataclass(frozen=True)
class TableSchema:
    partition_key: str
    sort_key: str | None = None
    indexes: tuple[Index, ...] = ()


# Logical name (as in infra.functions.TABLES) -> schema; understudy/data.py is the other half.
SCHEMAS: dict[str, TableSchema] = {
    "users": TableSchema("org", "email"),
    "posts": TableSchema("id", indexes=(
        Index("author-index", "author", "createdAt"),
        # Unused since status lists moved to status-since-index. CloudFormation makes one index change
        # per update, so the old one goes in a later release, after deployments have the new one.
        Index("status-index", "status", "createdAt"),
        Index("status-since-index", "status", "updatedAt"),
        Index("org-index", "org", "createdAt"),
        # Sparse: only posts that need an admin carry "attention" (see understudy/attention.py).
        Index("attention-index", "attention", "updatedAt"),
        # Sparse: only scheduled posts carry "scheduled"; soonest publishAt first (the Scheduled page).
        Index("schedule-index", "scheduled", "publishAt"),
    )),
    "org": TableSchema("org", "key"),
    # Who did what, when: newest first by the "<at>#<id>" sort key; sparse indexes by actor and by post.
    "audit": TableSchema("org", "sk", indexes=(
        Index("user-index", "user", "sk"),
        Index("post-index", "post", "sk"),
    )),
}

READ_ACTIONS = ("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:ConditionCheckItem",
                "dynamodb:DescribeTable")
# No Scan anywhere: every list is a key or index query (docs/architecture.md), so no function may scan.
WRITE_ACTIONS = (*READ_ACTIONS, "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                 "dynamodb:BatchWriteItem")


class Tables(Construct):
    def __init__(self, scope: Construct, construct_id: str):
        super().__init__(scope, construct_id)
        self.tables: dict[str, dynamodb.Table] = {
            name: self._table(name, schema) for name, schema in SCHEMAS.items()
        }

    def __getitem__(self, name: str) -> dynamodb.Table:
        return self.tables[name]

    def _table(self, name: str, schema: TableSchema) -> dynamodb.Table:
        table = dynamodb.Table(
            self, name.capitalize(),
            partition_key=dynamodb.Attribute(name=schema.partition_key, type=S),
            sort_key=dynamodb.Attribute(name=schema.sort_key, type=S) if schema.sort_key else None,
            billing_mode=dynamodb.BillingMode.PAY_PER_REQUEST,
            encryption=dynamodb.TableEncryption.AWS_MANAGED,
            point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(
                point_in_time_recovery_enabled=True),
            deletion_protection=True,
            removal_policy=RemovalPolicy.RETAIN,
        )
        for index in schema.indexes:
            table.add_global_secondary_index(
                index_name=index.name,
                partition_key=dynamodb.Attribute(name=index.partition_key, type=S),
                sort_key=dynamodb.Attribute(name=index.sort_key, type=S),
                projection_type=dynamodb.ProjectionType.ALL,
            )
        return table

    def resources(self, name: str) -> list[str]:
        """The table's ARN and each of its indexes' ARNs, named one by one (no wildcard)."""
        table = self.tables[name]
        return [table.table_arn, *(f"{table.table_arn}/index/{index.name}" for index in SCHEMAS[name].indexes)]
