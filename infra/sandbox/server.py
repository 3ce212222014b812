"""The sandbox's two loopback servers and the order they come up in.

1. moto on a free loopback port, which every AWS call goes to, with three thin layers in front: only
   programs may call it (loopback.py), Cognito's invitation emails (invitations.py), and our Lambda
   endpoint (lambda_endpoint.py);
2. the environment for our handlers, then the seed data;
3. the gateway on HOST:PORT, the only port meant for people.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from moto.core.config import default_user_config
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from infra.sandbox import environment, loopback, seed
from infra.sandbox.gateway import Gateway
from infra.sandbox.invitations import CognitoInvitations
from infra.sandbox.jwt_authorizer import JwtAuthorizer, fetch_jwks, issuer
from infra.sandbox.lambda_endpoint import LambdaEndpoint
from infra.sandbox.lambda_runtime import catalog
from infra.sandbox.local_records import Outbox

LOOPBACK = "127.0.0.1"
WILDCARDS = frozenset({"", "0.0.0.0", "::"})  # noqa: S104 names, not a bind


class BackgroundServer:
    """A threaded werkzeug server, bound at construction and served from a daemon thread.

    Threaded because a handler calls moto over HTTP while moto's execution thread waits on that
    same handler's Invoke.
    """

    def __init__(self, host: str, port: int, app: Callable | None = None,
                 handler: type[WSGIRequestHandler] | None = None):
        self.server: BaseWSGIServer = make_server(host, port, app, threaded=True, request_handler=handler)
        # A short poll interval: shutdown() waits up to one interval for the serving loop to notice.
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name=f"server-{self.port}", daemon=True)

    @property
    def port(self) -> int:
        return self.server.port

    def start(self, app: Callable | None = None) -> None:
        if app is not None:
            self.server.app = app
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.server.shutdown()
            self.thread.join(timeout=5)
        else:
            self.server.server_close()


def public_url(host: str, port: int) -> str:
    """The address people (and emailed links) use; a wildcard bind is reached through loopback here."""
    name = LOOPBACK if host in WILDCARDS else host
    return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"


class Sandbox:
    def __init__(self, *, host: str, port: int, state_dir: Path):
        self.host = host
        self.state_dir = state_dir
        self.functions = catalog()
        self.moto_app = DomainDispatcherApplication(create_backend_app)
        self.outbox = Outbox()
        aws_app = loopback.ProgramsOnly(CognitoInvitations(LambdaEndpoint(self.functions, self.moto_app), self.outbox))
        # Both sockets are bound here, before any seeding: a port in use is reported straight away.
        self.aws = BackgroundServer(LOOPBACK, 0, aws_app, MotoRequestHandler)
        self.public = BackgroundServer(host, port)
        self.url = public_url(host, self.public.port)
        self.aws_endpoint = f"http://{LOOPBACK}:{self.aws.port}"
        self.identity: seed.Identity | None = None

    def start(self) -> None:
        default_user_config["stepfunctions"]["execute_state_machine"] = True  # the real ASL interpreter
        default_user_config["lambda"]["use_docker"] = False
        os.environ["MOTO_PORT"] = str(self.aws.port)  # where moto's ASL interpreter calls Lambda
        # moto checks TOTP codes (RFC 6238) only when asked to; without this any code would do.
        os.environ["MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP"] = "true"
        environment.apply(environment.handler_environment(
            aws_endpoint=self.aws_endpoint, console_url=self.url, state_dir=self.state_dir))
        self.aws.start()
        self.identity = seed.seed_identity(self.aws_endpoint)
        os.environ["USER_POOL_ID"] = self.identity.user_pool_id  # before anything imports understudy
        seed.seed_rest(self.aws_endpoint)
        self.public.start(self._gateway())

    def _gateway(self) -> Gateway:
        pool, client = self.identity.user_pool_id, self.identity.client_id
        authorizer = JwtAuthorizer(issuer=issuer(environment.REGION, pool), audience=client,
                                   jwks=fetch_jwks(f"{self.aws_endpoint}/{pool}/.well-known/jwks.json"))
        return Gateway(functions=self.functions, authorizer=authorizer, outbox=self.outbox,
                       identity={"region": environment.REGION, "userPoolId": pool, "userPoolClientId": client},
                       timeline_path=Path(os.environ["LOCAL_TIMELINE_PATH"]),
                       fail_next_path=Path(os.environ["LOCAL_FAIL_NEXT_PATH"]), moto_app=self.moto_app,
                       loopback_only=loopback.is_loopback(self.host))

    def stop(self) -> None:
        self.public.stop()
        self.aws.stop()
