"""Powertools' event handler, without the resolvers Understudy does not use.

Importing any module of ``aws_lambda_powertools.event_handler`` first runs the package's
``__init__``, which imports every resolver it has: AppSync (and with it asyncio), AppSync Events,
Bedrock agents, Lambda function URLs, VPC Lattice. The API and the review-link function use only the
HTTP API resolver; the others cost about 8 ms of CPU on each of their cold starts. So this module puts
the package in place without running its ``__init__`` and imports only the modules used. The package
stays whole: reading a name only its ``__init__`` defines (``event_handler.AppSyncResolver``, as
Powertools itself does in a few rarely used methods) runs the ``__init__`` then, once.

Import what the functions need from here, before anything imports the package another way.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

PACKAGE = "aws_lambda_powertools.event_handler"


def _without_init(name: str) -> ModuleType:
    """The package ``name`` in sys.modules with its submodules importable and its ``__init__`` run only
    when a name the submodules do not provide is read (PEP 562's module ``__getattr__``)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    package = importlib.util.module_from_spec(spec)

    def __getattr__(attr: str):
        # Dunders are the import system's questions, and a submodule's name is answered by importing
        # the submodule (``from package import submodule`` asks first): neither needs the __init__.
        if attr.startswith("__") or importlib.util.find_spec(f"{name}.{attr}") is not None:
            raise AttributeError(attr)
        del package.__getattr__
        spec.loader.exec_module(package)
        return getattr(package, attr)

    package.__getattr__ = __getattr__
    sys.modules[name] = package
    return package


_without_init(PACKAGE)

# isort: split
from aws_lambda_powertools.event_handler import content_types  # noqa: E402 after the package is in place
from aws_lambda_powertools.event_handler.api_gateway import APIGatewayHttpResolver, Response  # noqa: E402
from aws_lambda_powertools.event_handler.exceptions import NotFoundError  # noqa: E402
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError  # noqa: E402

__all__ = ["APIGatewayHttpResolver", "NotFoundError", "RequestValidationError", "Response", "content_types"]
