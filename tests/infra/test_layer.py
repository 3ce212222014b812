"""The layers' local bundling (no Docker), without touching the network."""

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
    assert (package / "channels" / "__init__.py").is_file()  # subpackages too
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
        (target / "pydantic" / "_stub.pyi").write_text("")
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
    assert not list((tmp_path / "python").rglob("*.pyi"))  # and type stubs


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


def test_the_images_layer_holds_pillow_without_the_parts_understudy_never_loads(tmp_path, monkeypatch):
    kept = ("PIL/Image.py", "PIL/_imaging.cpython-313-aarch64-linux-gnu.so",
            "PIL/_webp.cpython-313-aarch64-linux-gnu.so",
            "pillow.libs/libjpeg-1a2b.so.62", "pillow.libs/libwebp-3c4d.so.7", "pillow.libs/libsharpyuv-5e.so.0")
    dropped = ("PIL/_avif.cpython-313-aarch64-linux-gnu.so", "pillow.libs/libavif-9f.so.16",
               "PIL/_imagingft.cpython-313-aarch64-linux-gnu.so", "pillow.libs/libfreetype-1.so.6",
               "pillow.libs/libharfbuzz-2.so.0", "pillow.libs/libpng16-3.so.16", "pillow.libs/libbrotlidec-4.so.1",
               "PIL/_imagingtk.cpython-313-aarch64-linux-gnu.so", "PIL/_imagingcms.cpython-313-aarch64-linux-gnu.so",
               "pillow.libs/liblcms2-5.so.2")

    def fake_pip(command, **kwargs):
        assert command[command.index("--requirement") + 1] == str(layer.IMAGES.folder / "requirements.txt")
        target = Path(command[command.index("--target") + 1])
        for name in kept + dropped:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).write_text("")
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(layer.subprocess, "run", fake_pip)
    layer.PipBundling(layer.IMAGES, install=True).try_bundle(str(tmp_path), None)

    left = {str(path.relative_to(tmp_path / "python")) for path in (tmp_path / "python").rglob("*") if path.is_file()}
    assert left == set(kept)  # no understudy package either: that is the shared layer's
