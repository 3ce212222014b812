"""The shared layer's unzipped size, bundled as a deploy bundles it (wheels for this machine's Python;
Lambda's arm64 wheels are within a few hundred kB). Lambda allows 250 MB unzipped for a function and
its layers; every MB is also paid at each cold start, so the target is far lower."""

from __future__ import annotations

import tempfile
from pathlib import Path

from infra.stack import layer

TARGET_MB = 15
RUNTIME_ONLY = ("boto3", "botocore")


def size_bytes(root: Path) -> int:
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file())


def run() -> bool:
    with tempfile.TemporaryDirectory(prefix="understudy-layer-") as tmp:
        opt = layer.bundle_here(Path(tmp))
        size = size_bytes(opt)
        largest = sorted(((size_bytes(p) if p.is_dir() else p.stat().st_size, p.name) for p in opt.iterdir()
                          if not p.name.endswith(".dist-info")), reverse=True)[:5]
        doubled = [name for name in RUNTIME_ONLY if (opt / name).exists()]
    ok = size <= TARGET_MB * 1e6 and not doubled
    print(f"shared layer, unzipped: {size / 1e6:.1f} MB (target <= {TARGET_MB} MB) {'ok' if ok else 'OVER'}")
    print("  largest: " + ", ".join(f"{name} {n / 1e6:.1f} MB" for n, name in largest))
    print(f"  boto3/botocore in the layer: {', '.join(doubled) or 'none (the runtime provides them)'}")
    return ok
