"""The layers' unzipped sizes, bundled as a deploy bundles them (wheels for this machine's Python;
Lambda's arm64 wheels are within a few hundred kB). Lambda allows 250 MB unzipped for a function and
its layers; every MB is also paid at each cold start, so the targets are far lower.

Every function unpacks the shared layer: <= 15 MB. Only the functions that handle images
(``images=True`` in infra/functions.py) also unpack the images layer: Pillow without what
understudy.images never loads, 11.2 MB with Pillow 13 here, 11.8 MB with Lambda's arm64 wheels.
What is left cannot go: _imaging (3.5 MB) loads libjpeg, libtiff, openjp2, xcb/Xau, zstd and lzma
with it, and _webp needs libwebp. The target, <= 12 MB, leaves Pillow's releases a little room, and
one that brings back a large codec shows up here as OVER."""

from __future__ import annotations

import tempfile
from pathlib import Path

from infra.stack import layer

TARGETS_MB = {"shared": 15, "images": 12}
RUNTIME_ONLY = ("boto3", "botocore")


def size_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())


def measure(recipe: layer.Recipe) -> bool:
    with tempfile.TemporaryDirectory(prefix=f"understudy-{recipe.name}-layer-") as tmp:
        opt = layer.bundle_here(Path(tmp), recipe)
        size = size_bytes(opt)
        largest = sorted(((size_bytes(p) if p.is_dir() else p.stat().st_size, p.name) for p in opt.iterdir()
                          if not p.name.endswith(".dist-info")), reverse=True)[:5]
        doubled = [name for name in RUNTIME_ONLY if (opt / name).exists()]
    target = TARGETS_MB[recipe.name]
    ok = size <= target * 1e6 and not doubled
    print(f"{recipe.name} layer, unzipped: {size / 1e6:.1f} MB (target <= {target} MB) {'ok' if ok else 'OVER'}")
    print("  largest: " + ", ".join(f"{name} {n / 1e6:.1f} MB" for n, name in largest))
    print(f"  boto3/botocore in the layer: {', '.join(doubled) or 'none (the runtime provides them)'}")
    return ok


def run() -> bool:
    return all([measure(layer.SHARED), measure(layer.IMAGES)])  # a list: both are measured and printed
