import base64

import pytest
from understudy import links
from understudy.errors import Forbidden, LinkExpired

KEY_A = base64.urlsafe_b64encode(b"a" * 32).decode()
KEY_B = base64.urlsafe_b64encode(b"b" * 32).decode()
KEYS = {"current": "k1", "keys": {"k1": KEY_A}}


def test_a_signed_link_verifies_to_its_claim():
    token = links.sign("post-1", 3, "rita@example.org", 2_000_000_000, keys=KEYS)
    claim = links.verify(token, now=1_900_000_000, keys=KEYS)
    assert (claim.post_id, claim.revision, claim.reviewer, claim.key_id) == ("post-1", 3, "rita@example.org", "k1")


def test_expired_link_is_refused_with_link_expired():
    token = links.sign("p", 1, "r@x.org", 1_000, keys=KEYS)
    with pytest.raises(LinkExpired):
        links.verify(token, now=1_000, keys=KEYS)


@pytest.mark.parametrize("mangle", [
    lambda t: t.replace(".", ".x", 1),
    lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
    lambda t: links._b64(links._unb64(t.split(".")[0]).replace(b'"r":1', b'"r":9')) + "." + t.split(".")[1],
    lambda t: "",
    lambda t: "only-one-part",
])
def test_tampered_or_malformed_tokens_are_forbidden(mangle):
    token = links.sign("p", 1, "r@x.org", 2_000_000_000, keys=KEYS)
    with pytest.raises(Forbidden):
        links.verify(mangle(token), now=0, keys=KEYS)


def test_key_rotation_keeps_links_in_flight_working():
    old_link = links.sign("p", 1, "r@x.org", 2_000_000_000, keys=KEYS)
    rotated = {"current": "k2", "keys": {"k1": KEY_A, "k2": KEY_B}}
    new_link = links.sign("p", 1, "r@x.org", 2_000_000_000, keys=rotated)

    assert links.verify(old_link, now=0, keys=rotated).key_id == "k1"
    assert links.verify(new_link, now=0, keys=rotated).key_id == "k2"
    with pytest.raises(Forbidden):  # a link signed by a key that was removed stops working
        links.verify(old_link, now=0, keys={"current": "k2", "keys": {"k2": KEY_B}})
