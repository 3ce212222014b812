"""Time to import each function's handler module in a fresh interpreter, as a ratio to the floor
every function pays anyway: ``import boto3; boto3.client("dynamodb")``."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys

from infra.functions import FUNCTIONS

RUNS = 7
TARGET = 1.3
EXEMPT = {"publish"}  # channel clients are allowed to cost more

FLOOR = 'import boto3; boto3.client("dynamodb", region_name="us-east-1")'
HANDLER = ("import importlib.util as u; s = u.spec_from_file_location('handler', {path!r}); "
           "m = u.module_from_spec(s); s.loader.exec_module(m)")
TIMED = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def _time(code: str) -> float:
    env = {**os.environ, "AWS_DEFAULT_REGION": "us-east-1", "POWERTOOLS_SERVICE_NAME": "understudy",
           "PYTHONDONTWRITEBYTECODE": "0"}
    samples = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", TIMED.format(code=code)], env=env, check=True,
                             capture_output=True, text=True).stdout
        samples.append(float(out.strip().splitlines()[-1]))
    return statistics.median(samples)


def run() -> bool:
    floor = _time(FLOOR)
    print(f"floor (boto3 + DynamoDB client): {floor * 1000:.0f} ms (median of {RUNS})")
    ok = True
    for spec in FUNCTIONS:
        seconds = _time(HANDLER.format(path=str(spec.handler_file)))
        ratio = seconds / floor
        within = spec.name in EXEMPT or ratio <= TARGET
        ok &= within
        mark = "ok" if within else f"OVER {TARGET}"
        print(f"  {spec.name:<15} {seconds * 1000:6.0f} ms  ratio {ratio:4.2f}  {mark}")
    return ok
