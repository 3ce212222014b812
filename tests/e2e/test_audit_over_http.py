"""The audit trail over HTTP: the gateway passes the CSV export through as an attachment."""

from __future__ import annotations

import csv
import io

from tests.e2e.test_training_loop import ADMIN, TRAINEE, submit


def test_admin_filters_the_trail_and_exports_it_as_csv(sandbox, unique_text):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    post = submit(trainee, f"{unique_text} audited")
    trainee.post(f"/posts/{post['id']}/withdraw").raise_for_status()

    page = admin.get("/audit", params={"post": post["id"]}).json()
    assert [e["action"] for e in page["items"]] == ["withdrawn", "submitted"]
    exported = admin.get("/audit.csv", params={"post": post["id"], "action": "submitted"})
    assert exported.status_code == 200 and exported.headers["Content-Type"].startswith("text/csv")
    assert exported.headers["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(exported.text)))
    assert rows[0][:3] == ["at", "action", "user"] and rows[1][1:4] == ["submitted", TRAINEE, post["id"]]
    assert trainee.get("/audit").status_code == 403
