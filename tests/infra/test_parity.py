"""The sandbox and the stack run the same functions behind the same routes: both come from
infra/functions.py, and these tests hold the synthesised template to it."""

from __future__ import annotations

import re

from infra import functions as catalog


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "some-value", path)


def _stack_routes(synth) -> dict[str, str]:
    """Route key -> logical id of the function its integration invokes."""
    integrations = synth.of_type("AWS::ApiGatewayV2::Integration")
    routes = {}
    for route in synth.of_type("AWS::ApiGatewayV2::Route").values():
        integration = integrations[route["Properties"]["Target"]["Fn::Join"][1][1]["Ref"]]
        routes[route["Properties"]["RouteKey"]] = integration["Properties"]["IntegrationUri"]["Fn::GetAtt"][0]
    return routes


def test_the_stack_has_exactly_the_catalog_functions(synth):
    functions = synth.stack.functions.functions
    assert set(functions) == {spec.name for spec in catalog.FUNCTIONS}
    deployed = set(synth.of_type("AWS::Lambda::Function"))
    assert {synth.logical_id(function) for function in functions.values()} <= deployed
    # Besides them, only deploy-time helpers: the setup and CDK's BucketDeployment.
    helpers = deployed - {synth.logical_id(function) for function in functions.values()}
    assert helpers == {synth.logical_id(synth.stack.setup.function),
                       *(name for name in deployed if name.startswith("CustomCDKBucketDeployment"))}


def test_the_stack_routes_each_catalog_route_to_its_function(synth):
    ids = {name: synth.logical_id(function) for name, function in synth.stack.functions.functions.items()}
    assert _stack_routes(synth) == {key: ids[spec.name] for key, spec in catalog.routes().items()}


def test_the_sandbox_serves_the_same_functions(synth):
    from infra.sandbox.environment import function_name
    from infra.sandbox.lambda_runtime import catalog as sandbox_functions

    assert set(sandbox_functions()) == {function_name(name) for name in synth.stack.functions.functions}


def test_the_sandbox_gateway_sends_each_stack_route_to_the_same_function(synth):
    from infra.sandbox.routes import RouteTable

    table = RouteTable()
    by_id = {synth.logical_id(function): name for name, function in synth.stack.functions.functions.items()}
    for key, function_id in _stack_routes(synth).items():
        method, path = key.split(" ", 1)
        match = table.match(method, _concrete(path))
        assert match is not None, key
        assert match.key == key and match.spec.name == by_id[function_id], key
        assert match.route.authorized == (not path.startswith("/review-links/")), key
