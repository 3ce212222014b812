"""The shared Lambda layer: the ``understudy`` package plus layers/shared/requirements.txt.

Bundled on this machine by pip (CDK local bundling), never in Docker: pip fetches manylinux wheels
for the Lambda runtime (CPython 3.13 on arm64) whatever machine runs the synth, and only wheels
(``--only-binary=:all:``), so nothing is compiled here for the wrong platform.

With ``bundle=False`` (``-c bundle=false``) only the understudy source is packaged: no network is
needed, which is what the tests and ``make synth`` use. Such a layer is not deployable, so the stack
carries a warning saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import jsii
from aws_cdk import Annotations, AssetHashType, BundlingOptions, DockerImage, FileSystem, ILocalBundling
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from infra.functions import LAYER_DIR

RUNTIME = lambda_.Runtime.PYTHON_3_13
ARCHITECTURE = lambda_.Architecture.ARM_64
# Lambda's python3.13 runs on Amazon Linux 2023 (glibc 2.34): manylinux2014 (glibc 2.17) and
# manylinux_2_28 wheels both load there.
PIP_TARGET = ("--platform", "manylinux2014_aarch64", "--platform", "manylinux_2_28_aarch64",
              "--implementation", "cp", "--python-version", "3.13", "--only-binary=:all:")
# The same bundle for the interpreter running pip: what tests/infra/test_deployed_layer.py and
# `make bench` import and measure on this machine.
THIS_MACHINE = ("--only-binary=:all:",)
# The Lambda runtime brings boto3, botocore and botocore's own dependencies. pynamodb pulls botocore
# in; a second copy in the layer would shadow the runtime's and could mismatch the runtime's boto3.
# Distribution (as its .dist-info is named) -> what it installs at the top level.
PROVIDED_BY_RUNTIME = {"boto3": ("boto3",), "botocore": ("botocore",), "s3transfer": ("s3transfer",),
                       "jmespath": ("jmespath",), "python_dateutil": ("dateutil",), "six": ("six.py",)}
# Powertools' Swagger UI bundle (1.7 MB), read only by enable_swagger(), which no function calls: the
# API serves its OpenAPI document as JSON at /openapi.json.
UNUSED_FILES = tuple(f"aws_lambda_powertools/event_handler/openapi/swagger_ui/{name}"
                     for name in ("swagger-ui-bundle.min.js", "swagger-ui.min.css"))
SOURCE = Path("python") / "understudy"
IGNORED = ("__pycache__", "*.pyc", ".pytest_cache")


@jsii.implements(ILocalBundling)
class PipBundling:
    """Copies the understudy package and, when ``install`` is true, pip-installs the requirements."""

    def __init__(self, source: Path, *, install: bool, platform: tuple[str, ...] = PIP_TARGET):
        self.source = source
        self.install = install
        self.platform = platform

    def try_bundle(self, output_dir: str, _options) -> bool:
        target = Path(output_dir) / "python"
        shutil.copytree(self.source / SOURCE, target / "understudy", ignore=shutil.ignore_patterns(*IGNORED),
                        dirs_exist_ok=True)
        if self.install:
            self._pip(target)
        return True

    def _pip(self, target: Path) -> None:
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
                   "--target", str(target), "--requirement", str(self.source / "requirements.txt"), *self.platform]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 fixed argv
        if result.returncode != 0:
            raise RuntimeError(
                "pip could not bundle the shared layer's requirements (it needs PyPI or a mirror; "
                f"use -c bundle=false for an offline synth that cannot be deployed):\n{result.stderr[-2000:]}")
        for distribution, top_level in PROVIDED_BY_RUNTIME.items():
            for name in top_level:
                path = target / name
                path.unlink() if path.is_file() else shutil.rmtree(path, ignore_errors=True)
            for info in target.glob(f"{distribution}-*.dist-info"):
                shutil.rmtree(info)
        shutil.rmtree(target / "bin", ignore_errors=True)
        for name in UNUSED_FILES:
            (target / name).unlink(missing_ok=True)


def shared_layer(scope: Construct, construct_id: str, *, bundle: bool) -> lambda_.LayerVersion:
    mode = "pip" if bundle else "source-only"
    code = lambda_.Code.from_asset(
        str(LAYER_DIR),
        # The hash names the asset: the layer's files plus how they were bundled, so a source-only
        # build never stands in for a full one. Same inputs, same hash: CDK reuses the bundle.
        asset_hash_type=AssetHashType.CUSTOM,
        asset_hash=FileSystem.fingerprint(str(LAYER_DIR), exclude=list(IGNORED),
                                          extra_hash=f"{mode} {' '.join(PIP_TARGET)}"),
        bundling=BundlingOptions(
            # Never run: local bundling always succeeds or raises. CDK requires an image to be named.
            image=DockerImage.from_registry("public.ecr.aws/sam/build-python3.13"),
            local=PipBundling(LAYER_DIR, install=bundle),
        ),
    )
    layer = lambda_.LayerVersion(
        scope, construct_id, code=code, compatible_runtimes=[RUNTIME], compatible_architectures=[ARCHITECTURE],
        description=f"Understudy's shared package and its requirements ({mode})",
    )
    if not bundle:
        Annotations.of(layer).add_warning_v2(
            "understudy:layer-source-only",
            "bundle=false: the shared layer holds only the understudy package, not its requirements, so "
            "this cloud assembly cannot be deployed (make deploy and make synth BUNDLE=1 bundle them).")
    return layer


def bundle_here(output_dir: Path) -> Path:
    """The layer a deploy bundles (same steps, same requirements) but with wheels for this machine's
    Python; answers the directory Lambda would mount as /opt/python."""
    PipBundling(LAYER_DIR, install=True, platform=THIS_MACHINE).try_bundle(str(output_dir), None)
    return output_dir / "python"
