"""The sandbox's contract (docs/architecture.md, "The sandbox"): what the console, the tests and people rely on.

Everything goes through the public port as a browser would, except where a test says it looks behind it
(moto's port, from the banner) to check what the public port must not let through.
"""

from __future__ import annotations

import base64
import gzip
import http.client
import json
import signal
import socket
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
import requests
from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from infra.functions import FunctionSpec, Route
from infra.sandbox import http_api
from infra.sandbox.lambda_runtime import LambdaFunction
from infra.sandbox.routes import Match

ROOT = Path(__file__).resolve().parents[2]
TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")
UNAUTHORIZED = {"message": "Unauthorized"}


def moto_signing_key() -> RSAKey:
    """The private key moto signs every user pool's tokens with: lets a test forge a well-signed token."""
    import moto.cognitoidp

    path = Path(moto.cognitoidp.__file__).parent / "resources" / "jwks-private.json.gz"
    return RSAKey.import_key(json.loads(gzip.decompress(path.read_bytes())))


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def unb64(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def client(sandbox, service: str):
    return boto3.client(service, endpoint_url=sandbox.aws_endpoint, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")  # noqa: S106


def raw_get(sandbox, path: str, host: str | None = None) -> tuple[int, dict, bytes]:
    """A GET with the path sent exactly as written (requests would normalise ``..`` away)."""
    connection = http.client.HTTPConnection("127.0.0.1", sandbox.running.port, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=host is not None)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


# --- config.json and sign-in ---------------------------------------------------------------------

def test_config_json_tells_the_console_where_the_api_and_cognito_are(sandbox):
    answer = requests.get(f"{sandbox.url}/config.json", timeout=10)

    config = answer.json()
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/json"
    assert set(config) == {"apiUrl", "region", "userPoolId", "userPoolClientId", "cognitoEndpoint"}
    assert config["apiUrl"] == f"{sandbox.url}/api"
    assert config["region"] == "us-east-1" and config["userPoolId"].startswith("us-east-1_")
    assert config["cognitoEndpoint"].startswith(sandbox.url + "/")  # same origin: no CORS, CSP connect-src 'self'


def test_config_json_follows_the_loopback_name_the_page_was_opened_with(sandbox):
    status, _, body = raw_get(sandbox, "/config.json", host=f"localhost:{sandbox.running.port}")

    assert status == 200
    assert json.loads(body)["apiUrl"] == f"http://localhost:{sandbox.running.port}/api"


def test_a_foreign_host_name_is_refused_so_dns_rebinding_cannot_reach_the_api(sandbox):
    status, _, body = raw_get(sandbox, "/config.json", host=f"attacker.example:{sandbox.running.port}")

    assert status == 400 and b"userPoolId" not in body


@pytest.mark.parametrize(("email", "roles", "training"), [
    (ADMIN, ["admins"], False),
    (REVIEWER, ["reviewers"], False),
    (TRAINEE, [], True),
    (AUTHOR, [], False),
])
def test_each_demo_account_signs_in_through_cognito_endpoint_and_the_api_sees_its_groups(
        sandbox, email, roles, training):
    token = sandbox.sign_in(email)
    me = sandbox.api(token).get("/me")

    assert me.status_code == 200, me.text
    assert me.json()["email"] == email and me.json()["roles"] == roles and me.json()["trainingMode"] is training
    assert me.json()["name"]  # the ID token carries the name attribute


def test_a_wrong_password_is_refused_by_cognito(sandbox):
    answer = sandbox.cognito("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH",
                                              "ClientId": sandbox.config["userPoolClientId"],
                                              "AuthParameters": {"USERNAME": TRAINEE, "PASSWORD": "wrong-Pass-1"}})

    assert answer.status_code == 400 and "NotAuthorized" in answer.json()["__type"]


def test_cognito_admin_actions_are_not_reachable_through_the_public_port(sandbox, unique_text):
    intruder = f"{uuid.uuid4().hex[:8]}@example.org"
    answer = sandbox.cognito("AdminCreateUser", {"UserPoolId": sandbox.config["userPoolId"], "Username": intruder,
                                                 "TemporaryPassword": "Temp-pass-1"})

    assert answer.status_code == 403
    idp = client(sandbox, "cognito-idp")
    with pytest.raises(idp.exceptions.UserNotFoundException):
        idp.admin_get_user(UserPoolId=sandbox.config["userPoolId"], Username=intruder)


def test_an_invited_person_gets_cognitos_email_and_signs_in_by_choosing_a_password(sandbox):
    """Given an admin invites someone, Cognito's invitation (which moto does not send) is in the outbox;
    its temporary password leads to NEW_PASSWORD_REQUIRED, answered as the console does, then to the API."""
    newcomer = f"new-{uuid.uuid4().hex[:8]}@example.org"
    invited = sandbox.api(sandbox.sign_in(ADMIN)).post("/users", json={"email": newcomer, "name": "Nia New"})
    assert invited.status_code == 201, invited.text

    [mail] = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if newcomer in m["to"]])
    assert mail["subject"] == "Your temporary password" and newcomer in mail["text"]
    temporary = mail["text"].rsplit(" ", 1)[1].rstrip(".")
    first = sandbox.cognito("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH",
                                             "ClientId": sandbox.config["userPoolClientId"],
                                             "AuthParameters": {"USERNAME": newcomer, "PASSWORD": temporary}}).json()
    assert first["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    chosen = sandbox.cognito("RespondToAuthChallenge", {
        "ChallengeName": "NEW_PASSWORD_REQUIRED", "ClientId": sandbox.config["userPoolClientId"],
        "Session": first["Session"], "ChallengeResponses": {"USERNAME": newcomer, "NEW_PASSWORD": "Chosen-pass-1"}})
    assert chosen.status_code == 200, chosen.text

    me = sandbox.api(sandbox.sign_in(newcomer, "Chosen-pass-1")).get("/me")
    assert me.status_code == 200 and me.json()["email"] == newcomer and me.json()["trainingMode"] is True


# --- the JWT authorizer --------------------------------------------------------------------------

def forged(sandbox, **changes) -> str:
    """A token signed with moto's own key, like a real one for the trainee but with ``changes``."""
    now = int(time.time())
    claims = {"iss": f"https://cognito-idp.us-east-1.amazonaws.com/{sandbox.config['userPoolId']}",
              "aud": sandbox.config["userPoolClientId"], "token_use": "id", "email": TRAINEE,
              "name": "Tom Trainee", "sub": str(uuid.uuid4()), "iat": now, "auth_time": now, "exp": now + 3600}
    claims.update(changes)
    return jwt.encode({"alg": "RS256", "kid": "dummy"}, {k: v for k, v in claims.items() if v is not None},
                      moto_signing_key())


def tampered(sandbox) -> str:
    """A real trainee token whose payload now claims the admins group; the signature no longer fits."""
    header, payload, signature = sandbox.sign_in(TRAINEE).split(".")
    return ".".join([header, b64({**unb64(payload), "cognito:groups": ["admins"]}), signature])


def unsigned(sandbox) -> str:
    header, payload, _ = sandbox.sign_in(TRAINEE).split(".")
    return ".".join([b64({"alg": "none", "typ": "JWT"}), payload, ""])


BAD_AUTHORIZATION = {
    "missing": lambda sandbox: None,
    "empty bearer": lambda sandbox: "Bearer ",
    "malformed": lambda sandbox: "Bearer not.a-jwt",
    "not bearer": lambda sandbox: f"Basic {sandbox.sign_in(TRAINEE)}",
    "tampered signature": lambda sandbox: f"Bearer {tampered(sandbox)}",
    "alg none": lambda sandbox: f"Bearer {unsigned(sandbox)}",
    "expired": lambda sandbox: f"Bearer {forged(sandbox, iat=int(time.time()) - 7200, exp=int(time.time()) - 60)}",
    "wrong audience": lambda sandbox: f"Bearer {forged(sandbox, aud='some-other-client')}",
    "wrong issuer": lambda sandbox: f"Bearer {forged(sandbox, iss='https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other')}",
    "no expiry": lambda sandbox: f"Bearer {forged(sandbox, exp=None)}",
    "access token": lambda sandbox: f"Bearer {sandbox.authenticate(TRAINEE)['AccessToken']}",
}


@pytest.mark.parametrize("case", BAD_AUTHORIZATION)
def test_a_request_without_an_acceptable_id_token_gets_401_and_reaches_no_handler(sandbox, case, unique_text):
    authorization = BAD_AUTHORIZATION[case](sandbox)
    headers = {"Authorization": authorization} if authorization is not None else {}

    answer = requests.post(f"{sandbox.config['apiUrl']}/posts", json={"channel": "demo", "text": unique_text},
                           headers=headers, timeout=30)

    assert answer.status_code == 401 and answer.json() == UNAUTHORIZED  # the authorizer's answer, not the API's
    mine = sandbox.api(sandbox.sign_in(TRAINEE)).get("/posts", params={"mine": "true"}).json()["items"]
    assert [post for post in mine if post["text"] == unique_text] == []
    assert [mail for mail in sandbox.outbox() if unique_text in mail["text"]] == []


def test_a_token_forged_with_the_right_key_and_claims_is_accepted_with_the_people_lists_roles(sandbox):
    """The checks above are not vacuous: the same forging path with nothing wrong gets through. The roles
    are the people list's, whatever ``cognito:groups`` the token carries."""
    answer = sandbox.api(forged(sandbox, **{"cognito:groups": ["admins", "reviewers"]})).get("/me")

    assert answer.status_code == 200 and answer.json()["email"] == TRAINEE and answer.json()["roles"] == []


def test_review_link_routes_need_no_token_and_reach_their_handler(sandbox):
    answer = requests.post(f"{sandbox.config['apiUrl']}/review-links/view", json={"token": "abc.def"}, timeout=30)

    assert answer.status_code == 403 and answer.json() != UNAUTHORIZED


@pytest.mark.parametrize(("method", "path"), [("GET", "/nowhere"), ("DELETE", "/me"), ("GET", "/me/"), ("GET", "")])
def test_an_unknown_route_is_404_not_found(sandbox, method, path):
    answer = sandbox.api(sandbox.sign_in(AUTHOR)).request(method, path)

    assert answer.status_code == 404 and answer.json() == {"message": "Not Found"}


def test_a_preflight_is_answered_with_the_methods_of_the_path(sandbox):
    answer = requests.options(f"{sandbox.config['apiUrl']}/posts/abc", timeout=10)

    assert answer.status_code == 204
    assert {"GET", "PUT"} <= {m.strip() for m in answer.headers["Allow"].split(",")}


# --- the console's files --------------------------------------------------------------------------

def test_the_console_is_served_with_security_headers(sandbox):
    answer = requests.get(f"{sandbox.url}/", timeout=10)

    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/html")
    assert answer.content == (ROOT / "console" / "index.html").read_bytes()
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    policy = {part.split()[0]: part.split()[1:] for part in answer.headers["Content-Security-Policy"].split("; ")}
    assert policy["default-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]


def test_the_outbox_page_may_show_emails_inline_styles_but_still_runs_no_inline_script(sandbox):
    answer = requests.get(f"{sandbox.url}/outbox.html", timeout=10)

    policy = {part.split()[0]: part.split()[1:] for part in answer.headers["Content-Security-Policy"].split("; ")}
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'"] and policy["connect-src"] == ["'self'"]


def test_console_scripts_are_served_as_javascript_so_module_scripts_load(sandbox):
    script = next((ROOT / "console" / "js").glob("*.js")).name
    answer = requests.get(f"{sandbox.url}/js/{script}", timeout=10)

    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/javascript")


@pytest.mark.parametrize("path", [
    "/../pyproject.toml",
    "/%2e%2e/pyproject.toml",
    "/js/../../pyproject.toml",
    "/js/%2e%2e/%2e%2e/pyproject.toml",
    "/..%2fpyproject.toml",
    "/js/..%5c..%5cpyproject.toml",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/../../../../etc/passwd",
    "/.git/HEAD",
    "/js",
])
def test_paths_outside_the_console_are_refused(sandbox, path):
    status, _, body = raw_get(sandbox, path)

    assert status in (400, 404)
    assert b"[project]" not in body and b"root:" not in body and b"ref:" not in body


# --- outbox and timeline --------------------------------------------------------------------------

def test_a_post_that_goes_live_shows_on_the_timeline_and_its_email_in_the_outbox(sandbox, unique_text):
    author = sandbox.api(sandbox.sign_in(AUTHOR))
    post = author.post("/posts", json={"channel": "demo", "text": unique_text}).json()

    [entry] = sandbox.wait_for(lambda: [e for e in sandbox.timeline() if e["postId"] == post["id"]])
    assert set(entry) == {"postId", "channel", "text", "publishedAt", "url", "images"}
    assert entry["channel"] == "demo" and entry["text"] == unique_text and entry["images"] == []

    [mail] = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if unique_text in m["text"]])
    assert set(mail) == {"to", "subject", "text", "html", "sentAt"}
    assert mail["to"] == [AUTHOR] and unique_text in mail["html"] and mail["subject"]
    sent = [m["sentAt"] for m in sandbox.outbox()]
    assert sent == sorted(sent) and sent[-1] >= mail["sentAt"]  # newest last


def test_outbox_and_timeline_are_json_lists(sandbox):
    for path in ("/_local/outbox", "/_local/timeline"):
        answer = requests.get(f"{sandbox.url}{path}", timeout=10)
        assert answer.status_code == 200 and isinstance(answer.json(), list)


# --- the local Lambda endpoint, as moto's ASL interpreter uses it -----------------------------------

def probe_definition(function_arn: str, post_id: str) -> str:
    """Invoke a function as the workflow does and record which Catch caught what."""
    return json.dumps({
        "StartAt": "Call",
        "States": {
            "Call": {
                "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": function_arn, "Payload": {"postId": post_id}},
                "Catch": [
                    {"ErrorEquals": ["ChannelUnavailable"], "ResultPath": "$.error", "Next": "CaughtOther"},
                    {"ErrorEquals": ["NotPublishable"], "ResultPath": "$.error", "Next": "CaughtNotPublishable"},
                ],
                "End": True,
            },
            "CaughtOther": {"Type": "Pass", "Result": "other", "ResultPath": "$.caught", "End": True},
            "CaughtNotPublishable": {"Type": "Pass", "Result": "NotPublishable", "ResultPath": "$.caught",
                                     "End": True},
        },
    })


def test_a_handler_exception_reaches_the_workflow_under_its_class_name(sandbox, unique_text):
    """Given a post waiting for review, when a workflow task publishes it anyway, the real publish handler
    raises NotPublishable and moto's ASL interpreter catches it by that name (not a generic error)."""
    post = sandbox.api(sandbox.sign_in(TRAINEE)).post("/posts", json={"channel": "demo", "text": unique_text}).json()
    sfn = client(sandbox, "stepfunctions")
    machine = sfn.create_state_machine(
        name=f"probe-{uuid.uuid4().hex[:8]}", roleArn="arn:aws:iam::123456789012:role/probe",
        definition=probe_definition("arn:aws:lambda:us-east-1:123456789012:function:understudy-publish", post["id"]))

    execution = sfn.start_execution(stateMachineArn=machine["stateMachineArn"], input="{}")["executionArn"]
    done = sandbox.wait_for(lambda: (d := sfn.describe_execution(executionArn=execution))["status"] != "RUNNING" and d)

    assert done["status"] == "SUCCEEDED", done
    output = json.loads(done["output"])
    assert output["caught"] == "NotPublishable" and output["error"]["Error"] == "NotPublishable"
    cause = json.loads(output["error"]["Cause"])
    assert cause["errorType"] == "NotPublishable" and post["id"] in cause["errorMessage"]
    assert isinstance(cause["stackTrace"], list) and cause["stackTrace"]


@pytest.mark.parametrize("headers", [
    {"Origin": "https://attacker.example"},
    {"Sec-Fetch-Mode": "no-cors"},
    {"Host": "attacker.example"},
], ids=["cross-site", "any browser fetch", "rebound DNS name"])
def test_motos_port_refuses_browsers_so_web_pages_cannot_read_the_data(sandbox, headers):
    body = json.dumps({"TableName": "understudy-users", "KeyConditionExpression": "org = :o",
                       "ExpressionAttributeValues": {":o": {"S": "org"}}})
    answer = requests.post(sandbox.aws_endpoint, data=body, timeout=10, headers={
        "X-Amz-Target": "DynamoDB_20120810.Query", "Content-Type": "application/x-amz-json-1.0", **headers})

    assert answer.status_code == 403 and b"example.org" not in answer.content


def test_the_lambda_invoke_api_answers_errors_as_lambda_does(sandbox):
    lam = client(sandbox, "lambda")

    failed = lam.invoke(FunctionName="understudy-publish", Payload=json.dumps({"postId": "no-such-post"}))
    assert failed["StatusCode"] == 200 and failed["FunctionError"] == "Unhandled"
    assert set(json.load(failed["Payload"])) >= {"errorMessage", "errorType", "stackTrace"}

    with pytest.raises(lam.exceptions.ResourceNotFoundException):
        lam.invoke(FunctionName="understudy-no-such-function", Payload=b"{}")


# --- the runtime, in-process: requests resolved at the same time stay apart -------------------------

ECHO_HANDLER = """
import time
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver

app = APIGatewayHttpResolver()


@app.post("/echo")
def echo():
    first = app.current_event.json_body["n"]
    time.sleep(0.05)  # meanwhile another request is resolved
    return {"first": first, "then": app.current_event.json_body["n"]}


def lambda_handler(event, context):
    return app.resolve(event, context)
"""


def echo_all(tmp_path: Path, *, turns) -> list[tuple[int, dict]]:
    """Eight concurrent requests through a Powertools resolver run by the sandbox's runtime."""
    tmp_path.mkdir()
    (tmp_path / "handler.py").write_text(ECHO_HANDLER)

    @dataclass(frozen=True)
    class Echo(FunctionSpec):
        @property
        def handler_file(self) -> Path:
            return tmp_path / "handler.py"

    route = Route("POST", "/echo")
    spec = Echo(name="echo", description="", routes=(route,))
    function = LambdaFunction(spec, turns)

    def call(n: int) -> tuple[int, dict]:
        request = Request(EnvironBuilder(path="/api/echo", method="POST", json={"n": n}).get_environ())
        answer = function.invoke(http_api.event(request, "/echo", Match(route, spec, {}), None)).json()
        return n, json.loads(answer["body"])

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(call, range(8)))


def test_http_functions_take_turns_so_one_request_never_reads_anothers_body_or_claims(tmp_path):
    answers = echo_all(tmp_path / "with-turns", turns=threading.Lock())

    assert all(body == {"first": n, "then": n} for n, body in answers), answers


def test_without_turns_powertools_mixes_concurrent_requests_up(tmp_path):
    """Why the turns exist: if this stops failing to mix up, Powertools no longer keeps the event on a
    class attribute and the HTTP functions could run side by side."""
    answers = echo_all(tmp_path / "no-turns", turns=None)

    assert any(body["then"] != n for n, body in answers), answers


# --- starting and stopping ----------------------------------------------------------------------------

def non_loopback_address() -> str | None:
    """An address of this machine other than loopback, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address  # noqa: S104


def listening_addresses(port: int) -> set[str]:
    """Local addresses in LISTEN state on ``port``, from /proc/net/tcp and tcp6 (hex, as the kernel writes)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_by_default_the_sandbox_listens_on_loopback_only(launch_sandbox):
    running = launch_sandbox()  # only --port and --state-dir: the CLI's default host
    moto_port = int(running.aws_endpoint.rsplit(":", 1)[1])
    other = non_loopback_address()

    for port in (running.port, moto_port):
        addresses = listening_addresses(port)
        assert addresses <= {"0100007F"}, (port, addresses)  # 127.0.0.1, never 0.0.0.0 or ::
        if other:
            with pytest.raises(OSError):
                socket.create_connection((other, port), timeout=2).close()
    assert addresses or other, "this machine offers no way to see where the sandbox listens"
    assert requests.get(f"{running.url}/config.json", timeout=10).status_code == 200
    assert running.stop() == 0, running.log()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_a_signal_stops_the_sandbox_cleanly_even_while_a_workflow_waits(launch_sandbox, signum, unique_text):
    running = launch_sandbox("--host", "127.0.0.1")
    sandbox = running.client()
    sandbox.api(sandbox.sign_in(TRAINEE)).post("/posts", json={"channel": "demo", "text": unique_text})
    sandbox.wait_for(lambda: [m for m in sandbox.outbox() if unique_text in m["text"]])  # the review is waiting

    started = time.monotonic()
    code = running.stop(signum)

    assert code == 0, running.log()
    assert time.monotonic() - started < 5
    assert "Understudy sandbox stopped." in running.log()
    with socket.socket() as again:  # the port is free for the next run
        # Bound as the sandbox's own server binds (SO_REUSEADDR, as http.server sets): connections the
        # stop closed may linger in TIME_WAIT, which that allows, while a listener left behind would not.
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", running.port))
