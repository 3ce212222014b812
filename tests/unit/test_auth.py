from understudy.auth import caller_from_claims, parse_groups


def test_groups_string_from_the_http_api_parses_into_an_exact_set():
    assert parse_groups("[admins reviewers]") == {"admins", "reviewers"}
    assert parse_groups("[reviewers]") == {"reviewers"}
    assert parse_groups(["admins"]) == {"admins"}


def test_near_miss_and_unknown_groups_grant_nothing():
    assert parse_groups("[notadmins reviewers-x]") == frozenset()
    assert parse_groups("admins2") == frozenset()
    assert parse_groups(None) == frozenset() and parse_groups(42) == frozenset()


def test_caller_roles_and_email_normalised():
    caller = caller_from_claims({"email": " Ada@Example.org ", "cognito:groups": "[admins]"})
    assert caller.email == "ada@example.org" and caller.is_admin and caller.is_reviewer
    assert not caller_from_claims({"email": "r@x.org", "cognito:groups": "[reviewers]"}).is_admin
