"""Powertools' event handler, without the resolvers and event classes Understudy does not use.

Importing any module of a package first runs the package's ``__init__``. Powertools'
``event_handler/__init__`` imports every resolver it has: AppSync (and with it asyncio), AppSync
Events, Bedrock agents, Lambda function URLs, VPC Lattice; and the HTTP API resolver imports seven
event classes from ``utilities.data_classes``, whose ``__init__`` imports all forty-odd (Kafka, S3,
SQS, Cognito triggers, ...). The API and the review-link function use only the HTTP API resolver; the
rest cost about 15 ms of CPU on each of their cold starts. So this module puts both packages in place
without running their ``__init__``, with the names the resolver imports from ``data_classes`` taken
from the modules that define them. The packages stay whole: reading any other name only an
``__init__`` defines (``event_handler.AppSyncResolver``, ``data_classes.SQSEvent``) runs that
``__init__`` then, once.

Import what the functions need from here, before anything imports these packages another way.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from types import ModuleType

EVENT_HANDLER = "aws_lambda_powertools.event_handler"
DATA_CLASSES = "aws_lambda_powertools.utilities.data_classes"
# What event_handler.api_gateway imports from the data_classes package, by the module defining each.
PROXY_EVENTS = {"ALBEvent": "alb_event", "APIGatewayProxyEvent": "api_gateway_proxy_event",
                "APIGatewayProxyEventV2": "api_gateway_proxy_event", "BedrockAgentEvent": "bedrock_agent_event",
                "LambdaFunctionUrlEvent": "lambda_function_url_event", "VPCLatticeEvent": "vpc_lattice",
                "VPCLatticeEventV2": "vpc_lattice"}


def _without_init(name: str, provides: dict[str, str] | None = None) -> ModuleType:
    """The package ``name`` in sys.modules with its submodules importable, the names in ``provides`` (name ->
    the submodule defining it) set as its ``__init__`` would, and its ``__init__`` run only when another
    name is read (PEP 562's module ``__getattr__``)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    package = importlib.util.module_from_spec(spec)
    whole = threading.Lock()  # the sandbox answers requests in threads: the __init__ runs once

    def __getattr__(attr: str):
        # Dunders are the import system's questions, and a submodule's name is answered by importing
        # the submodule (``from package import submodule`` asks first): neither needs the __init__.
        if attr.startswith("__") or importlib.util.find_spec(f"{name}.{attr}") is not None:
            raise AttributeError(attr)
        with whole:
            if "__getattr__" in vars(package):
                del package.__getattr__
                spec.loader.exec_module(package)
        return getattr(package, attr)

    package.__getattr__ = __getattr__
    sys.modules[name] = package
    for attr, module in (provides or {}).items():
        setattr(package, attr, getattr(importlib.import_module(f"{name}.{module}"), attr))
    return package


_without_init(DATA_CLASSES, PROXY_EVENTS)
_without_init(EVENT_HANDLER)

# isort: split
from aws_lambda_powertools.event_handler import content_types  # noqa: E402 after the package is in place
from aws_lambda_powertools.event_handler.api_gateway import APIGatewayHttpResolver, Response  # noqa: E402
from aws_lambda_powertools.event_handler.exceptions import NotFoundError  # noqa: E402
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError  # noqa: E402

__all__ = ["APIGatewayHttpResolver", "NotFoundError", "RequestValidationError", "Response", "content_types"]
