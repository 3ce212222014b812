"""One place for logging and metrics; every function imports these."""

from aws_lambda_powertools import Logger, Metrics

# Tracer is left out on purpose: aws-xray-sdk adds ~180 ms to every cold start (measured by
# `make bench`); Lambda's active tracing still records each invocation and AWS SDK call segment.
logger = Logger()
metrics = Metrics()
