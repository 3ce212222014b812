"""The garbage collector during a cold start on Lambda: paused from a handler module's first import to
the end of its first answer, then kept off everything made so far.

A cold start makes tens of thousands of objects that live as long as the execution environment: the
modules and classes imported, then on the first request botocore's clients and service models, the
email templates. Collecting while they are made finds next to nothing to free, and every later full
collection walks them all again: together about 40 ms of CPU on a first answer, measured by
`make bench`. So a handler imports this module first, which pauses the collector, and its
``lambda_handler`` is wrapped in ``first_answer``, which after the first answer moves everything made
so far out of the collector's way for good (``gc.freeze()``: the CPython documentation's advice for
long-lived objects made before the real work starts, there before fork()) and resumes collecting.

Only on Lambda (which sets AWS_LAMBDA_FUNCTION_NAME): the sandbox and the tests load many handlers into
one long-lived process, where freezing would also keep whatever their other objects leave behind.
"""

from __future__ import annotations

import functools
import gc
import os
from collections.abc import Callable

ON_LAMBDA = bool(os.environ.get("AWS_LAMBDA_FUNCTION_NAME"))

if ON_LAMBDA:
    gc.disable()  # until the end of the first answer


def first_answer(handler: Callable) -> Callable:
    """``handler``, resuming the collector once its first answer is given (or refused)."""
    if not ON_LAMBDA:
        return handler

    @functools.wraps(handler)
    def answer(event, context):
        try:
            return handler(event, context)
        finally:
            if not gc.isenabled():
                gc.freeze()
                gc.enable()

    return answer
