"""One cold start, run as a script in a fresh interpreter by bench/cold_start.py (``python -P``).

Reads a job (JSON) on stdin, then times, in this interpreter:
- ``{"function", "handler_dir", "layer_dir", "event"}``: what Lambda does on a cold start — import
  ``handler`` from the function's folder (the layer's folder on the path after it) and answer one event;
- ``{"floor": true}``: what every Python function pays anyway — import boto3, make a client and make one
  call (to ``AWS_ENDPOINT_URL``).
Prints ``{"seconds", "cpu", "answer"}`` (wall-clock and CPU seconds). Only the standard library is
loaded before the clock starts, the same for both, so that neither is timed with the other's imports
already done.
"""

import json
import sys
import time
from types import SimpleNamespace


def _context(function: str) -> SimpleNamespace:
    """The parts of Lambda's context object Powertools reads."""
    return SimpleNamespace(function_name=function, function_version="$LATEST", memory_limit_in_mb=256,
                           invoked_function_arn=f"arn:aws:lambda:us-east-1:123456789012:function:{function}",
                           aws_request_id="bench", log_group_name=f"/aws/lambda/{function}",
                           log_stream_name="bench", get_remaining_time_in_millis=lambda: 10_000)


def _handler_answer(job: dict) -> object:
    import importlib

    sys.path[:0] = [job["handler_dir"], job["layer_dir"]]  # /var/task, then /opt/python, as on Lambda
    handler = importlib.import_module("handler")
    return handler.lambda_handler(job["event"], _context(job["function"]))


def _floor_answer(job: dict) -> object:
    import boto3

    return boto3.client("dynamodb").list_tables(Limit=1)["TableNames"]


def main() -> None:
    job = json.load(sys.stdin)
    answer = _floor_answer if job.get("floor") else _handler_answer
    started, cpu = time.perf_counter(), time.process_time()
    result = answer(job)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "answer": result}, default=str))


if __name__ == "__main__":
    main()
