"""``make synth``: write cdk.out/ on this machine, with no AWS account, no Docker and no network.

By default the layers are packaged without their requirements (``bundle=false``): nothing is
downloaded, and the template is the one ``make deploy`` would deploy except for those assets.
``--bundle`` runs pip for the real layers (it needs PyPI or a mirror). A placeholder sender address is
used unless ``--context senderEmail=...`` is given. The AwsSolutions checks run as in a deploy.

    python -m infra.synth [--bundle] [--outdir cdk.out] [--context key=value ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from infra.functions import ROOT
from infra.stack import names

DEFAULTS = {names.CTX_SENDER_EMAIL: "understudy@example.org", names.CTX_BUNDLE: "false"}


def context(bundle: bool, pairs: list[str]) -> dict[str, str]:
    values = dict(DEFAULTS)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--context wants key=value, not {pair!r}")
        values[key] = value
    if bundle:
        values[names.CTX_BUNDLE] = "true"
    return values


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.synth", description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", action="store_true", help="bundle the layer's requirements with pip")
    parser.add_argument("--outdir", type=Path, default=ROOT / "cdk.out")
    parser.add_argument("--context", "-c", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args(argv)

    from infra.app import build, new_app

    started = time.monotonic()
    app = new_app(context(args.bundle, args.context), outdir=str(args.outdir))
    stack = build(app)
    try:
        app.synth()
    except RuntimeError as exc:  # the validation report (cdk-nag) says what failed
        print(f"synth failed: {exc}", file=sys.stderr)
        return 1
    template = args.outdir / stack.template_file
    print(f"{template} written in {time.monotonic() - started:.1f} s "
          f"({'layers bundled with pip' if args.bundle else 'layers without their requirements: not deployable'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
