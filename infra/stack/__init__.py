"""The CDK stack for AWS, in small constructs: data, auth, email, console, layer, functions, workflow, api."""

from infra.stack.settings import Settings, SettingsError
from infra.stack.stack import UnderstudyStack

__all__ = ["Settings", "SettingsError", "UnderstudyStack"]
