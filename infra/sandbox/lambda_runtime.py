"""Our handlers, run in-process the way Lambda runs them.

Lambda gives each invocation an execution environment to itself; module-level state (cached clients,
a Powertools resolver) is shared only by invocations that follow each other. The sandbox keeps that
promise: each environment is a freshly loaded copy of ``handler.py`` serving one invocation at a time,
and a new copy is loaded when every existing one is busy (Lambda scaling out).

One thing a fresh copy cannot separate: Powertools' event handler keeps the request being resolved on a
class attribute (``BaseRouter.current_event``), shared by every resolver in the process. Two HTTP
requests resolved at once would read each other's body and claims, so the functions behind HTTP routes
take turns (one lock for all of them). Workflow tasks still run side by side. No handler waits on
another function's invocation, so taking turns cannot deadlock.
"""

from __future__ import annotations

import contextlib
import importlib.util
import itertools
import json
import logging
import sys
import threading
import time
import traceback
import uuid
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from types import ModuleType

from infra.functions import FUNCTIONS, FunctionSpec
from infra.sandbox.environment import function_arn, function_name

# Not under "understudy": that is the Powertools logger's name, and its JSON lines are for the handlers.
log = logging.getLogger("sandbox.lambda")
_loads = itertools.count(1)


@dataclass
class Context:
    """The parts of Lambda's context object our code and Powertools read."""

    function_name: str
    invoked_function_arn: str
    memory_limit_in_mb: int
    deadline: float
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    function_version: str = "$LATEST"
    log_group_name: str = ""
    log_stream_name: str = "sandbox"

    def get_remaining_time_in_millis(self) -> int:
        return max(0, int((self.deadline - time.monotonic()) * 1000))


@dataclass(frozen=True)
class Invocation:
    """What Lambda hands back: the JSON payload, and whether it is an error document."""

    payload: str
    failed: bool

    def json(self) -> object:
        return json.loads(self.payload)


def error_document(exc: BaseException, request_id: str, error_type: str | None = None) -> dict:
    """Lambda's Python runtime error payload; Step Functions names the error after ``errorType``."""
    return {
        "errorMessage": str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": request_id,
        "stackTrace": traceback.format_list(traceback.extract_tb(exc.__traceback__)),
    }


class LambdaFunction:
    def __init__(self, spec: FunctionSpec, turns: AbstractContextManager | None = None):
        self.spec = spec
        self.name = function_name(spec.name)
        self.turns = turns or contextlib.nullcontext()
        self._idle: list[ModuleType] = []
        self._lock = threading.Lock()

    def invoke(self, event: object) -> Invocation:
        context = Context(function_name=self.name, invoked_function_arn=function_arn(self.spec.name),
                          memory_limit_in_mb=self.spec.memory_mb,
                          deadline=time.monotonic() + self.spec.timeout_seconds,
                          log_group_name=f"/aws/lambda/{self.name}")
        with self.turns:
            try:
                module = self._checkout()
            except Exception as exc:  # the handler module itself failed to load: Lambda's init error
                error_type = "Runtime.ImportModuleError" if isinstance(exc, ImportError) else None
                return self._failed(exc, context, error_type)
            try:
                result = module.lambda_handler(event, context)
            except Exception as exc:
                return self._failed(exc, context)
            finally:
                self._checkin(module)
        try:
            return Invocation(json.dumps(result), failed=False)
        except (TypeError, ValueError) as exc:  # Lambda cannot serialise the answer either
            return self._failed(exc, context, "Runtime.MarshalError")

    def _failed(self, exc: Exception, context: Context, error_type: str | None = None) -> Invocation:
        log.warning("%s failed: %s: %s", self.name, error_type or type(exc).__name__, exc)
        return Invocation(json.dumps(error_document(exc, context.aws_request_id, error_type)), failed=True)

    def _checkout(self) -> ModuleType:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self._load()  # a cold start, outside the lock so other invocations are not held up

    def _checkin(self, module: ModuleType) -> None:
        with self._lock:
            self._idle.append(module)

    def _load(self) -> ModuleType:
        module_name = f"understudy_sandbox_{self.spec.name}_{next(_loads)}"
        loader_spec = importlib.util.spec_from_file_location(module_name, self.spec.handler_file)
        module = importlib.util.module_from_spec(loader_spec)
        sys.modules[module_name] = module  # so annotations and pickling can find the module by name
        try:
            loader_spec.loader.exec_module(module)
        except BaseException:
            del sys.modules[module_name]
            raise
        return module


def catalog() -> dict[str, LambdaFunction]:
    """Every function in infra/functions.py, by its deployed name (``understudy-<name>``)."""
    http_turns = threading.Lock()  # see the module's docstring
    functions = (LambdaFunction(spec, http_turns if spec.routes else None) for spec in FUNCTIONS)
    return {function.name: function for function in functions}
