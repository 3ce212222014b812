"""The Lambda layers: the shared one (the ``understudy`` package plus layers/shared/requirements.txt)
for every function, and the images one (layers/images/requirements.txt: Pillow, pruned) only for the
functions the catalog marks ``images=True``, so the others do not unpack 8 MB they never load.

Bundled on this machine by pip (CDK local bundling), never in Docker: pip fetches manylinux wheels
for the Lambda runtime (CPython 3.13 on arm64) whatever machine runs the synth, and only wheels
(``--only-binary=:all:``), so nothing is compiled here for the wrong platform.

With ``bundle=False`` (``-c bundle=false``) only the understudy source is packaged (the images
layer is then empty): no network is
needed, which is what the tests and ``make synth`` use. Such a layer is not deployable, so the stack
carries a warning saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import jsii
from aws_cdk import Annotations, AssetHashType, BundlingOptions, DockerImage, FileSystem, ILocalBundling
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from infra.functions import IMAGES_LAYER_DIR, LAYER_DIR

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
# Type stubs (*.pyi: 60 kB in the shared layer, mostly pydantic_core's) are for type checkers only.
STUBS = "**/*.pyi"
UNUSED_FILES = (*(f"aws_lambda_powertools/event_handler/openapi/swagger_ui/{name}"
                  for name in ("swagger-ui-bundle.min.js", "swagger-ui.min.css")), STUBS)
# Pillow's parts understudy.images never loads (globs under the layer's python/; names differ per
# wheel only in their hash). It opens and saves JPEG, PNG, GIF and WebP: _imaging (with libjpeg,
# zlib inside) and _webp (libwebp*, libsharpyuv) stay. Gone: AVIF (_avif, libavif: 4.9 MB), text
# drawing (_imagingft with freetype, harfbuzz, png16, brotli), Tk, and colour management (_imagingcms,
# lcms2): ICC profiles are copied as bytes, and ImageOps.exif_transpose only reads EXIF.
PILLOW_UNUSED = ("PIL/_avif.*", "pillow.libs/libavif-*", "PIL/_imagingft.*", "pillow.libs/libfreetype-*",
                 "pillow.libs/libharfbuzz-*", "pillow.libs/libpng16-*", "pillow.libs/libbrotli*",
                 "PIL/_imagingtk.*", "PIL/_imagingcms.*", "pillow.libs/liblcms2-*", STUBS)
SOURCE = Path("python") / "understudy"
IGNORED = ("__pycache__", "*.pyc", ".pytest_cache")


@dataclass(frozen=True)
class Recipe:
    """What goes into one layer: a folder's requirements.txt, minus ``unused`` (globs), and the
    understudy package when ``package`` is true (the folder's python/understudy)."""

    name: str
    folder: Path
    package: bool
    unused: tuple[str, ...]
    description: str


SHARED = Recipe("shared", LAYER_DIR, package=True, unused=UNUSED_FILES,
                description="Understudy's shared package and its requirements")
IMAGES = Recipe("images", IMAGES_LAYER_DIR, package=False, unused=PILLOW_UNUSED,
                description="Pillow for Understudy's functions that handle images")


@jsii.implements(ILocalBundling)
class PipBundling:
    """Copies the understudy package (if the recipe has it) and, when ``install`` is true, pip-installs
    the recipe's requirements."""

    def __init__(self, recipe: Recipe, *, install: bool, platform: tuple[str, ...] = PIP_TARGET):
        self.recipe = recipe
        self.install = install
        self.platform = platform

    def try_bundle(self, output_dir: str, _options) -> bool:
        target = Path(output_dir) / "python"
        target.mkdir(parents=True, exist_ok=True)
        if self.recipe.package:
            shutil.copytree(self.recipe.folder / SOURCE, target / "understudy",
                            ignore=shutil.ignore_patterns(*IGNORED), dirs_exist_ok=True)
        if self.install:
            self._pip(target)
        return True

    def _pip(self, target: Path) -> None:
        command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
                   "--target", str(target), "--requirement", str(self.recipe.folder / "requirements.txt"),
                   *self.platform]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603 fixed argv
        if result.returncode != 0:
            raise RuntimeError(
                f"pip could not bundle the {self.recipe.name} layer's requirements (it needs PyPI or a mirror; "
                f"use -c bundle=false for an offline synth that cannot be deployed):\n{result.stderr[-2000:]}")
        for distribution, top_level in PROVIDED_BY_RUNTIME.items():
            for name in top_level:
                path = target / name
                path.unlink() if path.is_file() else shutil.rmtree(path, ignore_errors=True)
            for info in target.glob(f"{distribution}-*.dist-info"):
                shutil.rmtree(info)
        shutil.rmtree(target / "bin", ignore_errors=True)
        for pattern in self.recipe.unused:
            for path in target.glob(pattern):
                path.unlink()


def bundled_layer(scope: Construct, construct_id: str, recipe: Recipe, *, bundle: bool) -> lambda_.LayerVersion:
    mode = "pip" if bundle else "source-only"
    code = lambda_.Code.from_asset(
        str(recipe.folder),
        # The hash names the asset: the layer's files plus how they were bundled, so a source-only
        # build never stands in for a full one. Same inputs, same hash: CDK reuses the bundle.
        asset_hash_type=AssetHashType.CUSTOM,
        asset_hash=FileSystem.fingerprint(str(recipe.folder), exclude=list(IGNORED),
                                          extra_hash=f"{mode} {' '.join(PIP_TARGET)} {' '.join(recipe.unused)}"),
        bundling=BundlingOptions(
            # Never run: local bundling always succeeds or raises. CDK requires an image to be named.
            image=DockerImage.from_registry("public.ecr.aws/sam/build-python3.13"),
            local=PipBundling(recipe, install=bundle),
        ),
    )
    layer = lambda_.LayerVersion(
        scope, construct_id, code=code, compatible_runtimes=[RUNTIME], compatible_architectures=[ARCHITECTURE],
        description=f"{recipe.description} ({mode})",
    )
    if not bundle:
        Annotations.of(layer).add_warning_v2(
            "understudy:layer-source-only",
            f"bundle=false: the {recipe.name} layer lacks its requirements (pip did not run), so "
            "this cloud assembly cannot be deployed (make deploy and make synth BUNDLE=1 bundle them).")
    return layer


def bundle_here(output_dir: Path, recipe: Recipe = SHARED) -> Path:
    """The layer a deploy bundles (same steps, same requirements) but with wheels for this machine's
    Python; answers the directory Lambda would mount as /opt/python."""
    PipBundling(recipe, install=True, platform=THIS_MACHINE).try_bundle(str(output_dir), None)
    return output_dir / "python"
