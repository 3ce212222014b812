"""Two-step sign-in (TOTP MFA) in the sandbox, over HTTP, exactly as the console does it: Cognito calls
through the same-origin ``cognitoEndpoint``, the API with the ID token.

moto checks every TOTP code here (the sandbox turns MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP on); the codes
are computed from the secret Cognito hands out, as an authenticator app computes them."""

from __future__ import annotations

import uuid

import boto3
from understudy.auth import MFA_NEEDED

from infra.sandbox.client import authenticator_code

ADMIN, TRAINEE = "admin@example.org", "trainee@example.org"
CHOSEN = "Chosen-pass-1"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def error_type(answer) -> str:
    return answer.json().get("__type", "").split("#")[-1]


def test_a_reviewer_sets_up_totp_and_then_signs_in_with_a_code(sandbox):
    email = f"mfa-{uuid.uuid4().hex[:8]}@example.org"
    tokens = sandbox.join(sandbox.sign_in(ADMIN), email, CHOSEN, roles=("reviewers",))["AuthenticationResult"]
    api = sandbox.api(tokens["IdToken"])
    me = api.get("/me").json()
    assert (me["mfaEnabled"], me["mfaRequired"]) == (False, False)

    # The browser cannot just claim it: the API asks Cognito.
    early = api.post("/me/mfa")
    assert early.status_code == 409 and "authenticator app" in early.json()["message"]

    secret = sandbox.cognito("AssociateSoftwareToken", {"AccessToken": tokens["AccessToken"]}).json()["SecretCode"]
    code = authenticator_code(secret)
    mismatch = sandbox.cognito("VerifySoftwareToken", {"AccessToken": tokens["AccessToken"], "UserCode": wrong(code)})
    assert mismatch.status_code == 400 and error_type(mismatch) == "CodeMismatchException"
    assert sandbox.enable_totp(tokens["AccessToken"]) == secret  # moto: one fixed secret for everyone
    confirmed = api.post("/me/mfa")
    assert confirmed.status_code == 200 and confirmed.json() == {"mfaEnabled": True, "mfaRequired": False}

    # The password alone no longer signs in: Cognito asks for a code, and refuses a wrong one.
    challenge = sandbox.initiate_auth(email, CHOSEN).json()
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA" and "AuthenticationResult" not in challenge
    refused = sandbox.cognito("RespondToAuthChallenge", {
        "ChallengeName": "SOFTWARE_TOKEN_MFA", "ClientId": sandbox.config["userPoolClientId"],
        "Session": challenge["Session"],
        "ChallengeResponses": {"USERNAME": email, "SOFTWARE_TOKEN_MFA_CODE": wrong(authenticator_code(secret))}})
    assert refused.status_code == 400 and error_type(refused) == "CodeMismatchException"
    token = sandbox.sign_in_with_code(email, CHOSEN, secret)
    assert sandbox.api(token).get("/me").json()["mfaEnabled"] is True
    listed = {p["email"]: p for p in sandbox.api(sandbox.sign_in(ADMIN)).get("/users").json()["items"]}
    assert listed[email]["mfaEnabled"] is True


def test_the_mfa_calls_the_console_needs_pass_the_same_origin_proxy_and_admin_ones_do_not(sandbox):
    tokens = sandbox.authenticate(TRAINEE)
    associate = sandbox.cognito("AssociateSoftwareToken", {"AccessToken": tokens["AccessToken"]})
    admin_preference = sandbox.cognito("AdminSetUserMFAPreference", {
        "UserPoolId": sandbox.config["userPoolId"], "Username": TRAINEE,
        "SoftwareTokenMfaSettings": {"Enabled": False}})

    assert associate.status_code == 200 and associate.json()["SecretCode"]
    assert admin_preference.status_code == 403


# --- an organisation that requires MFA (its own sandbox: the `strict` fixture) -----------------------

def test_the_api_refuses_a_reviewer_without_mfa_until_they_set_it_up(strict):
    sandbox = strict.sandbox
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    post = trainee.post("/posts", json={"channel": "demo", "text": f"Waiting for a reviewer {uuid.uuid4().hex[:6]}"})
    assert post.status_code == 201 and post.json()["status"] == "pending_review"
    email = f"strict-{uuid.uuid4().hex[:8]}@example.org"  # the strict sandbox is shared: a person of its own
    reviewer_tokens = sandbox.join(strict.admin_token, email, CHOSEN, roles=("reviewers",))["AuthenticationResult"]
    reviewer = sandbox.api(reviewer_tokens["IdToken"])

    me = reviewer.get("/me").json()
    refused = reviewer.post(f"/posts/{post.json()['id']}/decision", json={"decision": "approve"})
    assert (me["mfaRequired"], me["mfaEnabled"]) == (True, False)
    assert refused.status_code == 403 and refused.json()["message"] == MFA_NEEDED
    assert trainee.get(f"/posts/{post.json()['id']}").json()["status"] == "pending_review"  # nothing changed
    assert trainee.get("/me").json()["mfaRequired"] is False  # authors are not asked

    sandbox.enable_totp(reviewer_tokens["AccessToken"])
    assert reviewer.post("/me/mfa").json() == {"mfaEnabled": True, "mfaRequired": True}
    approved = reviewer.post(f"/posts/{post.json()['id']}/decision", json={"decision": "approve"})
    assert approved.status_code == 200, approved.text


def test_a_pool_that_demands_mfa_walks_a_newcomer_through_setup_at_sign_in(strict):
    """MFA_SETUP: moto gives it after NEW_PASSWORD_REQUIRED when the pool's MFA is ON. The newcomer sets up
    with the challenge's session (there is no access token yet), as the console's sign-in form does."""
    sandbox = strict.sandbox
    idp = boto3.client("cognito-idp", endpoint_url=sandbox.aws_endpoint, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")  # noqa: S106
    pool, client_id = sandbox.config["userPoolId"], sandbox.config["userPoolClientId"]
    email = f"setup-{uuid.uuid4().hex[:8]}@example.org"
    idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="ON",
                                 SoftwareTokenMfaConfiguration={"Enabled": True})
    try:
        challenge = sandbox.join(strict.admin_token, email, CHOSEN, roles=("reviewers",))
    finally:
        idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="OPTIONAL",
                                     SoftwareTokenMfaConfiguration={"Enabled": True})
    assert challenge["ChallengeName"] == "MFA_SETUP" and "AuthenticationResult" not in challenge
    assert "SOFTWARE_TOKEN_MFA" in challenge["ChallengeParameters"]["MFAS_CAN_SETUP"]

    secret = sandbox.cognito("AssociateSoftwareToken", {"Session": challenge["Session"]}).json()["SecretCode"]
    verified = sandbox.cognito("VerifySoftwareToken", {"Session": challenge["Session"],
                                                       "UserCode": authenticator_code(secret)}).json()
    assert verified["Status"] == "SUCCESS"
    done = sandbox.cognito("RespondToAuthChallenge", {
        "ChallengeName": "MFA_SETUP", "ClientId": client_id, "Session": verified["Session"],
        "ChallengeResponses": {"USERNAME": email}}).json()["AuthenticationResult"]
    newcomer = sandbox.api(done["IdToken"])
    assert newcomer.get("/me").json()["mfaEnabled"] is False
    assert newcomer.get("/posts", params={"status": "pending_review"}).status_code == 200

    # moto leaves TOTP off after MFA_SETUP (Cognito turns it on); the console sets the preference either way.
    preferred = sandbox.cognito("SetUserMFAPreference", {
        "AccessToken": done["AccessToken"], "SoftwareTokenMfaSettings": {"Enabled": True, "PreferredMfa": True}})
    assert preferred.status_code == 200
    assert newcomer.post("/me/mfa").json() == {"mfaEnabled": True, "mfaRequired": True}
    assert sandbox.sign_in_with_code(email, CHOSEN, secret)
