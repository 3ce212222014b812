"""Shared by every tier. The environment is set before anything imports `understudy`,
because the data module reads table names once, at import, as it does in Lambda."""

import atexit
import os
import shutil
import tempfile

_STATE = tempfile.mkdtemp(prefix="understudy-tests-")
atexit.register(shutil.rmtree, _STATE, ignore_errors=True)
for _name, _value in {
    "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing", "AWS_DEFAULT_REGION": "us-east-1", "AWS_REGION": "us-east-1",
    "POWERTOOLS_SERVICE_NAME": "understudy", "POWERTOOLS_METRICS_NAMESPACE": "Understudy",
    "POWERTOOLS_TRACE_DISABLED": "true", "POWERTOOLS_DEV": "false",
    "LOCAL_TIMELINE_PATH": os.path.join(_STATE, "timeline.jsonl"),
    "CONSOLE_URL": "https://console.example.test",
    "SENDER_EMAIL": "understudy@example.org",
    "STATE_MACHINE_ARN": "arn:aws:states:us-east-1:123456789012:stateMachine:understudy-review-post",
}.items():
    os.environ[_name] = _value
os.environ.pop("AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_PROFILE", None)
