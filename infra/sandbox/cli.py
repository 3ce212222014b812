"""``understudy sandbox``: the whole application on one machine, no AWS account needed.

Also ``python -m infra.sandbox.cli sandbox``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path

from infra.sandbox import network_stand_ins
from infra.sandbox.loopback import is_loopback
from infra.sandbox.seed import ACCOUNTS, PASSWORD
from infra.sandbox.server import Sandbox


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="understudy", description="Understudy: training mode for social media.")
    commands = parser.add_subparsers(dest="command", required=True)
    sandbox = commands.add_parser("sandbox", help="run the whole application locally, on moto, no AWS account")
    sandbox.add_argument("--host", default="127.0.0.1",
                         help="address to listen on (default 127.0.0.1: this machine only)")
    sandbox.add_argument("--port", type=int, default=8000, help="port for the console and the API (default 8000)")
    sandbox.add_argument("--state-dir", type=Path, default=None,
                         help="where the local timeline file goes (default: a fresh temporary directory)")
    sandbox.add_argument("--stand-ins", action="store_true",
                         help="also connect a Demo Mastodon and a Demo Bluesky channel to loopback stand-ins")
    return parser.parse_args(argv)


def _quiet() -> None:
    """Keep the terminal for what a person needs: no per-request lines, no metrics chatter."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # Our handlers share cached boto3 clients across the sandbox's threads (on Lambda each execution
    # environment has its own); past 10 at once urllib3 warns it drops a spare connection. Harmless.
    logging.getLogger("urllib3.connectionpool").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message="No application metrics to publish")


def banner(sandbox: Sandbox, state_dir: Path, stand_ins: str | None = None) -> str:
    accounts = "\n".join(f"    {account.email:<24}{account.what}" for account in ACCOUNTS)
    url = sandbox.url
    reach = "" if is_loopback(sandbox.host) else f"  Listening on {sandbox.host}: other machines can reach it.\n"
    networks = (f"  Stand-ins: Demo Mastodon and Demo Bluesky publish to {stand_ins} "
                f"(what they were sent: {stand_ins}/_posts)\n\n") if stand_ins else ""
    return (
        f"\nUnderstudy sandbox is running.\n\n{reach}"
        f"  Console:  {url}\n"
        f"  Outbox:   {url}/outbox.html  (every email sent, with the review links; and the local timeline)\n"
        f"  Demo failure: curl -X POST {url}/_local/fail-next -H 'Content-Type: application/json' "
        f"-d '{{\"outcome\": \"refused\"}}'\n"
        f"            (the next post to the Demo timeline fails; admins see it under Needs attention)\n\n"
        f"{networks}"
        f"  Demo accounts, password {PASSWORD}:\n{accounts}\n\n"
        f"  AWS endpoint (moto): {sandbox.aws_endpoint}\n"
        f"  State:    {state_dir}\n\n"
        f"Stop with Ctrl-C.\n"
    )


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # SIGTERM stops the sandbox the way Ctrl-C does


def run(args: argparse.Namespace) -> int:
    own_state = args.state_dir is None
    state_dir = Path(tempfile.mkdtemp(prefix="understudy-sandbox-")) if own_state else args.state_dir
    state_dir.mkdir(parents=True, exist_ok=True)
    sandbox = stand_ins = None
    try:
        if args.stand_ins:
            stand_ins, stand_ins_url = network_stand_ins.serve()
            network_stand_ins.point_handlers_at(stand_ins_url)
        sandbox = Sandbox(host=args.host, port=args.port, state_dir=state_dir.resolve())
        sandbox.start()
        if stand_ins:
            network_stand_ins.connect_demo_channels(sandbox.aws_endpoint)
        print(banner(sandbox, state_dir, stand_ins_url if stand_ins else None), flush=True)
        while True:  # until a signal interrupts; short sleeps because a signal delivered to another
            time.sleep(0.2)  # thread runs its Python handler only when the main thread next wakes
    except KeyboardInterrupt:
        pass
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_IGN)  # a second Ctrl-C must not cut the shutdown short
        # Workflows still running in moto's daemon threads are about to lose their servers; their
        # failures are expected and nobody needs to hear of them.
        logging.disable(logging.WARNING)
        if sandbox is not None:
            sandbox.stop()
        if stand_ins is not None:
            stand_ins.shutdown()
        if own_state:
            shutil.rmtree(state_dir, ignore_errors=True)
    print("Understudy sandbox stopped.", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    # Both explicitly: a shell starting us in the background leaves SIGINT ignored, not KeyboardInterrupt.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    _quiet()
    return run(args)  # "sandbox", the only command


if __name__ == "__main__":
    sys.exit(main())
