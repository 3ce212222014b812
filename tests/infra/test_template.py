"""Assertions on the synthesised template: what the issue says must hold, checked where it lives."""

from __future__ import annotations

import json
import re

import pytest

from infra import functions as catalog
from infra.stack import names

# Actions AWS authorises only on Resource "*": no resource-level permissions exist for them.
STAR_ONLY_ACTIONS = {
    "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    # Step Functions' log delivery to CloudWatch Logs (added by CDK for LogLevel.ALL).
    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
    "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
}
REVIEW_LINK_PREFIX = "/review-links/"


def statements(synth):
    """(policy logical id, statement) for every identity policy in the template, inline ones included."""
    for name, resource in synth.resources.items():
        if resource["Type"] == "AWS::IAM::Policy":
            for statement in resource["Properties"]["PolicyDocument"]["Statement"]:
                yield name, statement
        if resource["Type"] == "AWS::IAM::Role":
            for policy in resource["Properties"].get("Policies", []):
                for statement in policy["PolicyDocument"]["Statement"]:
                    yield name, statement


def as_list(value):
    return value if isinstance(value, list) else [value]


def function_ids(synth) -> dict[str, str]:
    """Catalog function name -> logical id of its AWS::Lambda::Function."""
    return {name: synth.logical_id(function) for name, function in synth.stack.functions.functions.items()}


def role_statements(synth, name: str) -> list[dict]:
    role = synth.logical_id(synth.stack.functions[name].role)
    return [statement for policy, resource in synth.of_type("AWS::IAM::Policy").items()
            if {"Ref": role} in resource["Properties"]["Roles"]
            for statement in resource["Properties"]["PolicyDocument"]["Statement"]]


# --- workflow ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def state_machine(synth) -> dict:
    (machine,) = synth.of_type("AWS::StepFunctions::StateMachine").values()
    return machine["Properties"]


def test_each_wait_state_waits_for_a_task_token_and_times_out(state_machine):
    definition = json.loads(state_machine["DefinitionString"])
    waits = {name: state for name, state in definition["States"].items()
             if state.get("Resource", "").endswith(".waitForTaskToken")}
    assert set(waits) == {"AwaitReview", "Remind", "Escalate", "AwaitRevision"}
    for name, state in waits.items():
        assert "TimeoutSecondsPath" in state or "TimeoutSeconds" in state, name
        assert any("States.Timeout" in catch["ErrorEquals"] for catch in state["Catch"]), name


def test_the_workflow_is_standard_logged_in_full_and_traced(state_machine):
    assert state_machine["StateMachineType"] == "STANDARD"
    assert state_machine["LoggingConfiguration"]["Level"] == "ALL"
    # Task payloads carry task tokens; execution data stays out of the logs.
    assert state_machine["LoggingConfiguration"]["IncludeExecutionData"] is False
    assert state_machine["TracingConfiguration"] == {"Enabled": True}


def test_every_substitution_is_a_workflow_task_function(synth, state_machine):
    used = set(re.findall(r"\$\{(\w+)\}", catalog.WORKFLOW_FILE.read_text()))
    ids = function_ids(synth)
    tasks = {spec.substitution: {"Fn::GetAtt": [ids[spec.name], "Arn"]}
             for spec in catalog.FUNCTIONS if spec.workflow_task}
    assert state_machine["DefinitionSubstitutions"] == tasks
    assert used == set(tasks)


def test_the_state_machine_may_invoke_only_the_workflow_tasks(synth, state_machine):
    role = state_machine["RoleArn"]["Fn::GetAtt"][0]
    ids = function_ids(synth)
    invoked = [statement for policy, statement in statements(synth)
               if {"Ref": role} in synth.resources[policy]["Properties"].get("Roles", [])
               and any(action.startswith("lambda:") for action in as_list(statement["Action"]))]
    assert len(invoked) == 1
    assert invoked[0]["Action"] == "lambda:InvokeFunction"
    assert sorted(as_list(invoked[0]["Resource"]), key=str) == sorted(
        ({"Fn::GetAtt": [ids[spec.name], "Arn"]} for spec in catalog.FUNCTIONS if spec.workflow_task), key=str)


def test_the_api_hands_work_to_notify_by_name_and_lambda_retries_it_twice(synth):
    """Deactivating someone hands what they leave behind to notify (an asynchronous invoke): the API finds
    it through NOTIFY_FUNCTION (understudy.config), and a failed run is retried twice before its errors alarm
    is all that is left (the README says to deactivate again)."""
    ids = function_ids(synth)
    api = synth.resources[ids["api"]]["Properties"]["Environment"]["Variables"]
    assert api[catalog.invoke_variable("notify")] == {"Ref": ids["notify"]}
    assert catalog.invoke_variable("notify") == "NOTIFY_FUNCTION"
    (config,) = synth.of_type("AWS::Lambda::EventInvokeConfig").values()
    assert config["Properties"]["FunctionName"] == {"Ref": ids["notify"]}
    assert config["Properties"]["MaximumRetryAttempts"] == 2


def test_functions_find_the_state_machine_by_the_name_it_is_given(synth, state_machine):
    name = names.state_machine_name(synth.stack.stack_name)
    assert state_machine["StateMachineName"] == name
    for function in synth.of_type("AWS::Lambda::Function").values():
        arn = function["Properties"].get("Environment", {}).get("Variables", {}).get("STATE_MACHINE_ARN")
        if arn is not None:
            assert arn["Fn::Join"][1][-1] == f":stateMachine:{name}"


# --- API -----------------------------------------------------------------------------------------

def test_every_route_but_the_review_links_has_the_cognito_jwt_authorizer(synth):
    (authorizer_id, authorizer), = synth.of_type("AWS::ApiGatewayV2::Authorizer").items()
    props = authorizer["Properties"]
    assert props["AuthorizerType"] == "JWT"
    assert props["JwtConfiguration"]["Audience"] == [{"Ref": synth.logical_id(synth.stack.auth.client)}]
    assert {"Ref": synth.logical_id(synth.stack.auth.pool)} in props["JwtConfiguration"]["Issuer"]["Fn::Join"][1]
    routes = [route["Properties"] for route in synth.of_type("AWS::ApiGatewayV2::Route").values()]
    assert routes
    for route in routes:
        path = route["RouteKey"].split(" ", 1)[1]
        if path.startswith(REVIEW_LINK_PREFIX):
            assert route["AuthorizationType"] == "NONE", route["RouteKey"]
        else:
            assert route["AuthorizationType"] == "JWT", route["RouteKey"]
            assert route["AuthorizerId"] == {"Ref": authorizer_id}, route["RouteKey"]


def test_cors_allows_only_the_console_origin(synth):
    (api,) = synth.of_type("AWS::ApiGatewayV2::Api").values()
    distribution = synth.logical_id(synth.stack.console.distribution)
    assert api["Properties"]["CorsConfiguration"]["AllowOrigins"] == [
        {"Fn::Join": ["", ["https://", {"Fn::GetAtt": [distribution, "DomainName"]}]]}]


def test_the_default_stage_logs_access_and_is_throttled(synth):
    (stage,) = synth.of_type("AWS::ApiGatewayV2::Stage").values()
    props = stage["Properties"]
    assert props["StageName"] == "$default"
    assert "$context.requestId" in props["AccessLogSettings"]["Format"]
    assert props["DefaultRouteSettings"]["ThrottlingRateLimit"] > 0
    public = {key for key in catalog.routes() if key.split(" ", 1)[1].startswith(REVIEW_LINK_PREFIX)}
    assert set(props["RouteSettings"]) == public


# --- IAM -----------------------------------------------------------------------------------------

def test_no_statement_uses_resource_star_where_a_resource_can_be_named(synth):
    for policy, statement in statements(synth):
        if "*" in as_list(statement["Resource"]):
            assert set(as_list(statement["Action"])) <= STAR_ONLY_ACTIONS, (policy, statement["Action"])


def test_no_action_is_a_wildcard_in_our_policies(synth):
    for policy, statement in statements(synth):
        if policy.startswith("CustomCDKBucketDeployment"):
            continue  # CDK's own deploy-time function; acknowledged in console.py
        for action in as_list(statement["Action"]):
            assert "*" not in action, (policy, action)


def test_our_roles_carry_no_managed_policies(synth):
    for name, role in synth.of_type("AWS::IAM::Role").items():
        if not name.startswith("CustomCDKBucketDeployment"):
            assert "ManagedPolicyArns" not in role["Properties"], name


def test_nothing_may_scan_a_table(synth):
    for policy, statement in statements(synth):
        assert "dynamodb:Scan" not in as_list(statement["Action"]), policy


@pytest.mark.parametrize("spec", catalog.FUNCTIONS, ids=lambda spec: spec.name)
def test_each_function_is_granted_what_the_catalog_says_and_no_more(synth, spec):
    granted = role_statements(synth, spec.name)
    actions = {action for statement in granted for action in as_list(statement["Action"])}
    services = {action.split(":")[0] for action in actions}
    expected = {"logs", "xray"}
    if spec.tables:
        expected.add("dynamodb")
    if spec.secrets or spec.channel_secrets:
        expected.add("secretsmanager")
    if spec.states_actions:
        expected.add("states")
    if spec.sends_email:
        expected.add("ses")
    if spec.cognito_actions:
        expected.add("cognito-idp")
    if spec.media:
        expected.add("s3")
    if spec.invokes:
        expected.add("lambda")
    assert services == expected
    ids = function_ids(synth)
    assert sorted((r for s in granted if s["Action"] == "lambda:InvokeFunction" for r in as_list(s["Resource"])),
                  key=str) == sorted(({"Fn::GetAtt": [ids[target], "Arn"]} for target in spec.invokes), key=str)
    assert {a for a in actions if a.startswith("states:")} == {f"states:{a}" for a in spec.states_actions}
    assert {a for a in actions if a.startswith("cognito-idp:")} == {f"cognito-idp:{a}" for a in spec.cognito_actions}
    writes = {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"}
    for table, access in spec.tables.items():
        table_id = synth.logical_id(synth.stack.tables[table])
        on_table = [s for s in granted if {"Fn::GetAtt": [table_id, "Arn"]} in as_list(s["Resource"])]
        assert len(on_table) == 1, table
        assert bool(writes & set(on_table[0]["Action"])) == (access == catalog.WRITE), table
    tables_granted = {r["Fn::GetAtt"][0] for s in granted if s["Action"][0].startswith("dynamodb:")
                      for r in as_list(s["Resource"]) if "Fn::GetAtt" in r}
    assert tables_granted == {synth.logical_id(synth.stack.tables[t]) for t in spec.tables}


def test_email_is_sent_only_from_the_sender_address(synth):
    for spec in catalog.FUNCTIONS:
        for statement in role_statements(synth, spec.name):
            if any(a.startswith("ses:") for a in as_list(statement["Action"])):
                assert spec.sends_email
                assert statement["Condition"] == {"StringEquals": {"ses:FromAddress": "understudy@example.org"}}


# --- data ----------------------------------------------------------------------------------------

def test_tables_are_retained_recoverable_protected_encrypted_and_on_demand(synth):
    tables = synth.of_type("AWS::DynamoDB::Table")
    assert len(tables) == len(catalog.TABLES)
    for name, table in tables.items():
        props = table["Properties"]
        assert table["DeletionPolicy"] == "Retain" and table["UpdateReplacePolicy"] == "Retain", name
        assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True, name
        assert props["DeletionProtectionEnabled"] is True, name
        assert props["BillingMode"] == "PAY_PER_REQUEST", name
        assert props["SSESpecification"]["SSEEnabled"] is True, name


def _schema(props: dict) -> dict:
    def keys(schema):
        return tuple(key["AttributeName"] for key in sorted(schema, key=lambda k: k["KeyType"]))

    return {
        "keys": keys(props["KeySchema"]),
        "indexes": {index["IndexName"]: (keys(index["KeySchema"]), index["Projection"]["ProjectionType"])
                    for index in props.get("GlobalSecondaryIndexes", [])},
    }


def _model_schema(model) -> dict:
    schema = model._get_schema()

    def keys(key_schema):
        names = {key["KeyType"]: key["AttributeName"] for key in key_schema}
        return tuple(names[kind] for kind in ("HASH", "RANGE") if kind in names)

    return {
        "keys": keys(schema["key_schema"]),
        "indexes": {index["index_name"]: (keys(index["key_schema"]), index["projection"]["ProjectionType"])
                    for index in schema.get("global_secondary_indexes", [])},
    }


def test_tables_match_the_pynamodb_models(synth):
    from understudy import data

    models = {"users": data.UserItem, "posts": data.PostItem, "org": data.OrgItem, "audit": data.AuditItem}
    for table, model in models.items():
        resource = synth.resources[synth.logical_id(synth.stack.tables[table])]
        assert _schema(resource["Properties"]) == _model_schema(model), table


def test_the_stack_makes_only_the_tables_the_functions_use(synth):
    # The idempotency table older deployments have is gone from the template (retained, see README).
    assert set(synth.stack.tables.tables) == set(catalog.TABLES)
    assert len(synth.of_type("AWS::DynamoDB::Table")) == len(catalog.TABLES)


# --- functions -----------------------------------------------------------------------------------

def _expected_environment(spec) -> set[str]:
    keys = {"POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE"}
    keys |= {catalog.TABLES[table] for table in spec.tables}
    keys |= {catalog.SECRETS[secret] for secret in spec.secrets}
    if spec.channel_secrets:
        keys.add("CHANNEL_SECRET_PREFIX")
    if spec.states_actions:
        keys.add("STATE_MACHINE_ARN")
    if spec.sends_email:
        keys |= {"SENDER_EMAIL", "CONSOLE_URL"}
    if spec.cognito_actions:
        keys.add("USER_POOL_ID")
    if spec.media:
        keys.add("MEDIA_BUCKET")
    keys |= {catalog.invoke_variable(target) for target in spec.invokes}
    return keys


@pytest.mark.parametrize("spec", catalog.FUNCTIONS, ids=lambda spec: spec.name)
def test_each_function_runs_python_3_13_on_arm_traced_with_its_own_log_group(synth, spec):
    props = synth.resources[function_ids(synth)[spec.name]]["Properties"]
    assert props["Runtime"] == "python3.13"
    assert props["Architectures"] == ["arm64"]
    assert props["Handler"] == spec.handler
    assert props["TracingConfig"] == {"Mode": "Active"}
    assert props["Timeout"] == spec.timeout_seconds and props["MemorySize"] == spec.memory_mb
    log_group = synth.resources[props["LoggingConfig"]["LogGroup"]["Ref"]]
    assert log_group["Type"] == "AWS::Logs::LogGroup" and log_group["Properties"]["RetentionInDays"] > 0
    assert set(props["Environment"]["Variables"]) == _expected_environment(spec)


@pytest.mark.parametrize("spec", catalog.FUNCTIONS, ids=lambda spec: spec.name)
def test_only_the_functions_that_handle_images_get_the_pillow_layer(synth, spec):
    props = synth.resources[function_ids(synth)[spec.name]]["Properties"]
    shared, images = (synth.logical_id(layer) for layer in (synth.stack.layer, synth.stack.images_layer))
    # The two layers share no file, so their order (CDK may sort them) changes nothing.
    assert sorted(layer["Ref"] for layer in props["Layers"]) == sorted([shared, images] if spec.images else [shared])


def test_the_functions_that_clean_uploads_and_draw_thumbnails_are_marked_for_images():
    """understudy.images runs in the API (uploads cleaned on submit and revise) and in request_review
    (the review email's thumbnails); without the layer Pillow's import fails there on Lambda."""
    assert {spec.name for spec in catalog.FUNCTIONS if spec.images} >= {"api", "request_review"}
    assert not catalog.BY_NAME["review_link"].images and not catalog.BY_NAME["notify"].images


def test_no_function_environment_holds_a_secret(synth):
    secrets = set(synth.of_type("AWS::SecretsManager::Secret"))
    for name, function in synth.of_type("AWS::Lambda::Function").items():
        for key, value in function["Properties"].get("Environment", {}).get("Variables", {}).items():
            if key in catalog.SECRETS.values():
                assert value in ({"Ref": secret} for secret in secrets), (name, key)  # the ARN, not the value
            if isinstance(value, str):
                assert not re.search(r"[A-Za-z0-9+_=-]{32,}", value), (name, key)  # no key-like literal
                assert not re.search(r"secret|password|token|key", key, re.I) or key == "CHANNEL_SECRET_PREFIX", key


def test_no_secret_value_is_written_in_the_template(synth):
    for name, secret in synth.of_type("AWS::SecretsManager::Secret").items():
        assert "SecretString" not in secret["Properties"], name
        assert "GenerateSecretString" in secret["Properties"], name


# --- media --------------------------------------------------------------------------------------

def private_tls_only_encrypted(synth, bucket) -> list[dict]:
    """Check a bucket is private and encrypted and refuses plain HTTP; its policy's statements."""
    bucket_id = synth.logical_id(bucket)
    props = synth.resources[bucket_id]["Properties"]
    assert props["PublicAccessBlockConfiguration"] == {
        "BlockPublicAcls": True, "BlockPublicPolicy": True, "IgnorePublicAcls": True, "RestrictPublicBuckets": True}
    assert props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert "WebsiteConfiguration" not in props
    (policy,) = (p for p in synth.of_type("AWS::S3::BucketPolicy").values()
                 if p["Properties"]["Bucket"] == {"Ref": bucket_id})
    statements = policy["Properties"]["PolicyDocument"]["Statement"]
    assert any(s["Effect"] == "Deny" and s["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
               for s in statements)
    return statements


def test_the_media_bucket_is_private_tls_only_encrypted_and_open_to_the_console_alone(synth):
    private_tls_only_encrypted(synth, synth.stack.media.bucket)
    props = synth.resources[synth.logical_id(synth.stack.media.bucket)]["Properties"]
    (cors,) = props["CorsConfiguration"]["CorsRules"]
    assert cors["AllowedMethods"] == ["POST"]
    assert cors["AllowedOrigins"] == [synth.stack.resolve(synth.stack.console.url)]
    assert cors["AllowedOrigins"][0] != "*"


def test_unused_uploads_go_after_a_day_and_unpublished_images_30_days_after_their_post_ended(synth):
    props = synth.resources[synth.logical_id(synth.stack.media.bucket)]["Properties"]
    rules = {rule["Id"]: rule for rule in props["LifecycleConfiguration"]["Rules"]}
    assert rules["UnusedUploads"]["Prefix"] == "uploads/" and rules["UnusedUploads"]["ExpirationInDays"] == 1
    unpublished = rules["UnpublishedPosts"]
    assert unpublished["Prefix"] == "posts/" and unpublished["ExpirationInDays"] == 30
    assert unpublished["TagFilters"] == [{"Key": "outcome", "Value": "unpublished"}]


@pytest.mark.parametrize("spec", [s for s in catalog.FUNCTIONS if s.media], ids=lambda spec: spec.name)
def test_functions_reach_only_the_media_prefixes_the_catalog_gives_them(synth, spec):
    bucket_arn = {"Fn::GetAtt": [synth.logical_id(synth.stack.media.bucket), "Arn"]}
    on_s3 = [s for s in role_statements(synth, spec.name) if as_list(s["Action"])[0].startswith("s3:")]
    granted = {json.dumps(s["Resource"], sort_keys=True): sorted(as_list(s["Action"])) for s in on_s3}
    wanted = {json.dumps({"Fn::Join": ["", [bucket_arn, f"/{prefix}"]]}, sort_keys=True): sorted(actions)
              for prefix, actions in catalog.MEDIA_ACTIONS[spec.media].items()}
    assert granted == wanted


# --- console -------------------------------------------------------------------------------------

def test_the_console_bucket_is_private_tls_only_and_encrypted(synth):
    for statement in private_tls_only_encrypted(synth, synth.stack.console.bucket):
        if statement["Effect"] == "Allow":
            assert statement["Principal"] == {"Service": "cloudfront.amazonaws.com"}
            assert "AWS:SourceArn" in statement["Condition"]["StringEquals"]


def test_cloudfront_reads_through_origin_access_control_and_sends_security_headers(synth):
    (distribution,) = synth.of_type("AWS::CloudFront::Distribution").values()
    config = distribution["Properties"]["DistributionConfig"]
    (origin,) = config["Origins"]
    assert "OriginAccessControlId" in origin
    behavior = config["DefaultCacheBehavior"]
    assert behavior["ViewerProtocolPolicy"] == "redirect-to-https"
    (headers,) = synth.of_type("AWS::CloudFront::ResponseHeadersPolicy").values()
    security = headers["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"]
    csp = "".join(part if isinstance(part, str) else "<region>"
                  for part in security["ContentSecurityPolicy"]["ContentSecurityPolicy"]["Fn::Join"][1])
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "connect-src 'self' https://*.execute-api.<region>.amazonaws.com https://cognito-idp.<region>" in csp
    assert security["StrictTransportSecurity"]["AccessControlMaxAgeSec"] >= 31536000
    assert security["FrameOptions"]["FrameOption"] == "DENY"
    assert behavior["ResponseHeadersPolicyId"] == {"Ref": next(iter(synth.of_type(
        "AWS::CloudFront::ResponseHeadersPolicy")))}


def test_the_console_gets_a_config_json_with_the_sandbox_shape(synth):
    """/config.json is staged with markers that the deployment replaces with deploy-time values."""
    (deployment,) = synth.of_type("Custom::CDKBucketDeployment").values()
    (markers,) = [m for m in deployment["Properties"]["SourceMarkers"] if m]
    (staged,) = synth.outdir.glob("asset.*/config.json")
    config = json.loads(re.sub(r"<<marker:[^>]+>>", lambda found: json.dumps(found[0]), staged.read_text()))
    values = {key: markers[marker]["Fn::Join"][1][1:-1] for key, marker in config.items()}
    assert set(values) == {"apiUrl", "region", "userPoolId", "userPoolClientId", "cognitoEndpoint"}
    assert values["apiUrl"] == [{"Fn::GetAtt": [synth.logical_id(synth.stack.api.http_api), "ApiEndpoint"]}]
    assert values["region"] == [{"Ref": "AWS::Region"}]
    assert values["userPoolId"] == [{"Ref": synth.logical_id(synth.stack.auth.pool)}]
    assert values["userPoolClientId"] == [{"Ref": synth.logical_id(synth.stack.auth.client)}]
    assert markers[config["cognitoEndpoint"]]["Fn::Join"][1] == [
        '"https://cognito-idp.', {"Ref": "AWS::Region"}, '.amazonaws.com/"']


# --- people --------------------------------------------------------------------------------------

def test_the_api_may_disable_enable_and_sign_out_people_in_its_own_pool_only(synth):
    """Deactivating someone (DELETE /users/{email}) and reactivating them act on the user pool alone."""
    pool = {"Fn::GetAtt": [synth.logical_id(synth.stack.auth.pool), "Arn"]}
    cognito = [s for s in role_statements(synth, "api") if as_list(s["Action"])[0].startswith("cognito-idp:")]
    actions = {action for statement in cognito for action in as_list(statement["Action"])}

    assert {"cognito-idp:AdminDisableUser", "cognito-idp:AdminEnableUser",
            "cognito-idp:AdminUserGlobalSignOut"} <= actions
    assert all(as_list(statement["Resource"]) == [pool] for statement in cognito)


def test_only_admins_create_accounts_and_sign_in_is_by_email_with_mfa_available(synth):
    (pool,) = synth.of_type("AWS::Cognito::UserPool").values()
    props = pool["Properties"]
    assert props["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    assert props["UsernameAttributes"] == ["email"]
    assert props["MfaConfiguration"] == "OPTIONAL" and props["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA"]
    policy = props["Policies"]["PasswordPolicy"]
    assert policy["MinimumLength"] >= 12
    assert all(policy[key] for key in ("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols"))
    groups = {g["Properties"]["GroupName"] for g in synth.of_type("AWS::Cognito::UserPoolGroup").values()}
    assert groups == {"admins", "reviewers"}


def test_the_api_may_read_a_persons_mfa_state_and_nothing_may_change_it(synth):
    """POST /me/mfa asks Cognito (AdminGetUser) whether TOTP is on; only the person, with their own access
    token, turns it on or off, so no role may set MFA for someone."""
    api_actions = {action for statement in role_statements(synth, "api") for action in as_list(statement["Action"])}
    assert "cognito-idp:AdminGetUser" in api_actions
    for policy, statement in statements(synth):
        for action in as_list(statement["Action"]):
            assert "MFA" not in action and "SoftwareToken" not in action and action != "cognito-idp:*", policy


def test_the_console_client_has_no_secret_and_signs_in_with_password_or_srp(synth):
    (client,) = synth.of_type("AWS::Cognito::UserPoolClient").values()
    props = client["Properties"]
    assert props["GenerateSecret"] is False
    assert set(props["ExplicitAuthFlows"]) == {"ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH",
                                               "ALLOW_REFRESH_TOKEN_AUTH"}
    assert {"email", "name"} <= set(props["ReadAttributes"])
    assert "AllowedOAuthFlows" not in props


def test_the_first_admin_is_invited_into_admins_and_kept(synth):
    (user,) = synth.of_type("AWS::Cognito::UserPoolUser").values()
    (membership,) = synth.of_type("AWS::Cognito::UserPoolUserToGroupAttachment").values()
    assert user["Properties"]["Username"] == "first.admin@example.org"
    assert membership["Properties"]["GroupName"] == "admins"
    assert user["DeletionPolicy"] == membership["DeletionPolicy"] == "Retain"
    (setup,) = synth.of_type("Custom::UnderstudySetup").values()
    assert setup["Properties"]["AdminEmail"] == "first.admin@example.org"


# --- email, outputs, layer -----------------------------------------------------------------------

def test_the_sender_identity_sends_through_the_configuration_set(synth):
    (identity,) = synth.of_type("AWS::SES::EmailIdentity").values()
    (config_set_id,) = synth.of_type("AWS::SES::ConfigurationSet")
    assert identity["Properties"]["EmailIdentity"] == "understudy@example.org"
    assert identity["Properties"]["ConfigurationSetAttributes"]["ConfigurationSetName"] == {"Ref": config_set_id}


def test_the_stack_outputs_the_console_url_api_url_and_user_pool(synth):
    assert {"ConsoleUrl", "ApiUrl", "UserPoolId"} <= set(synth.template["Outputs"])


def test_an_offline_layer_holds_the_understudy_package_and_says_it_is_not_deployable(synth):
    props = synth.resources[synth.logical_id(synth.stack.layer)]["Properties"]
    assert props["CompatibleRuntimes"] == ["python3.13"] and props["CompatibleArchitectures"] == ["arm64"]
    staged = [path for path in synth.outdir.glob("asset.*/python/understudy/__init__.py")]
    assert len(staged) == 1
    assert not list(staged[0].parent.rglob("__pycache__"))
    warnings = [entry.data for entry in synth.stack.layer.node.metadata if entry.type == "aws:cdk:warning"]
    assert any("bundle=false" in str(warning) for warning in warnings)


def test_an_offline_images_layer_is_empty_and_says_it_is_not_deployable(synth):
    props = synth.resources[synth.logical_id(synth.stack.images_layer)]["Properties"]
    assert props["CompatibleRuntimes"] == ["python3.13"] and props["CompatibleArchitectures"] == ["arm64"]
    warnings = [entry.data for entry in synth.stack.images_layer.node.metadata if entry.type == "aws:cdk:warning"]
    assert any("bundle=false: the images layer" in str(warning) for warning in warnings)


def test_make_destroy_keeps_only_the_data(synth):
    """Everything but the tables and the images their posts name (and the first admin's account, kept
    while the pool lives) is deleted."""
    kept = {name for name, resource in synth.resources.items() if resource.get("DeletionPolicy") == "Retain"}
    tables = set(synth.of_type("AWS::DynamoDB::Table"))
    admin = set(synth.of_type("AWS::Cognito::UserPoolUser")) | set(
        synth.of_type("AWS::Cognito::UserPoolUserToGroupAttachment"))
    media = {synth.logical_id(synth.stack.media.bucket)}
    assert kept == tables | admin | media
    for name, log_group in synth.of_type("AWS::Logs::LogGroup").items():
        assert log_group["Properties"]["RetentionInDays"] in (90, 365), name
