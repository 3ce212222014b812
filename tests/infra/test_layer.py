"""The shared layer's local bundling (no Docker), without touching the network."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from infra.functions import LAYER_DIR
from infra.stack import layer


def test_source_only_bundling_copies_the_understudy_package_and_nothing_compiled(tmp_path):
    assert layer.PipBundling(layer.SHARED, install=False).try_bundle(str(tmp_path), None) is True
    package = tmp_path / "python" / "understudy"
    assert (package / "__init__.py").is_file() and (package / "data.py").is_file()
    assert (package / "templates").is_dir()
    assert not list(package.rglob("__pycache__")) and not list(package.rglob("*.pyc"))


def test_pip_fetches_lambdas_arm_wheels_and_drops_what_the_runtime_has_or_nothing_uses(tmp_path, monkeypatch):
    calls = []

    def fake_pip(command, **kwargs):
        calls.append(command)
        target = Path(command[command.index("--target") + 1])
        for name in ("pydantic", "botocore", "boto3", "s3transfer", "bin"):
            (target / name).mkdir(parents=True, exist_ok=True)
        (target / "botocore-1.0.dist-info").mkdir()
        (target / "python_dateutil-2.9.dist-info").mkdir()
        (target / "six.py").write_text("")
        swagger = target / "aws_lambda_powertools/event_handler/openapi/swagger_ui"
        swagger.mkdir(parents=True)
        for name in ("html.py", "swagger-ui-bundle.min.js", "swagger-ui.min.css"):
            (swagger / name).write_text("")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(layer.subprocess, "run", fake_pip)
    layer.PipBundling(layer.SHARED, install=True).try_bundle(str(tmp_path), None)

    (command,) = calls
    assert command[1:4] == ["-m", "pip", "install"]
    assert "--only-binary=:all:" in command
    assert command[command.index("--python-version") + 1] == "3.13"
    assert command[command.index("--implementation") + 1] == "cp"
    assert "manylinux2014_aarch64" in command
    assert command[command.index("--requirement") + 1] == str(LAYER_DIR / "requirements.txt")
    left = {path.name for path in (tmp_path / "python").iterdir()}
    assert left == {"understudy", "pydantic", "aws_lambda_powertools"}
    swagger = tmp_path / "python/aws_lambda_powertools/event_handler/openapi/swagger_ui"
    assert {path.name for path in swagger.iterdir()} == {"html.py"}  # the unused UI bundle is left out


def test_a_failed_pip_says_how_to_synthesise_offline(tmp_path, monkeypatch):
    monkeypatch.setattr(layer.subprocess, "run",
                        lambda command, **_: subprocess.CompletedProcess(command, 1, "", "No matching distribution"))
    with pytest.raises(RuntimeError, match="bundle=false"):
        layer.PipBundling(layer.SHARED, install=True).try_bundle(str(tmp_path), None)


def test_the_requirements_leave_boto3_to_the_runtime():
    requirements = (LAYER_DIR / "requirements.txt").read_text().lower()
    names = {line.split(">")[0].split("=")[0].split("<")[0].strip() for line in requirements.splitlines()
             if line.strip() and not line.startswith("#")}
    assert not names & {"boto3", "botocore"}
