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

``lazy`` is for the domain modules that import a module only some of their functions use: the module
is imported when one of its names is first read, so a cold start whose path never reads it does not
pay for it.
"""

from __future__ import annotations

import functools
import gc
import importlib
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


class lazy:  # noqa: N801 used as a module
    """Stands for the module ``name`` and imports it when one of its names is first read.

    Each read goes through the import system (a dictionary lookup once imported), so there is no
    half-imported module for a second thread to see, unlike importlib's LazyLoader before Python 3.12.
    Only for reading the module's names: setting one on this object does not reach the module.
    """

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<lazy {self._name}>"
