"""The garbage collector during a cold start on Lambda: paused while a handler module imports, then kept
off what the imports made.

A handler's imports make tens of thousands of objects that live as long as the execution environment
(modules, classes, botocore's loaded data). Collecting while they are made finds nothing to free, and
after them every full collection during the first request walks them all again: together about 40 ms of
CPU on a first answer, measured by `make bench`. So a handler imports this module first, which pauses
the collector, and calls ``imports_done()`` last, which moves everything made so far out of the
collector's way for good (``gc.freeze()``, the CPython documentation's advice for long-lived objects
made before the real work starts, there before fork()) and resumes it for what the requests make.

Only on Lambda (which sets AWS_LAMBDA_FUNCTION_NAME): the sandbox and the tests load many handlers into
one long-lived process, where freezing would also keep whatever their other objects leave behind.
"""

from __future__ import annotations

import gc
import os

ON_LAMBDA = bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))

if ON_LAMBDA:
    gc.disable()  # until imports_done()


def imports_done() -> None:
    if ON_LAMBDA:
        gc.freeze()
        gc.enable()
