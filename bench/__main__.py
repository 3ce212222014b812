import argparse
import sys

from bench import cold_start

parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
parser.add_argument("--posts", type=int, default=20, help="concurrent trainee posts for the end-to-end run")
parser.add_argument("--rounds", type=int, default=cold_start.ROUNDS, help="cold starts of each function (median)")
parser.add_argument("--skip-e2e", action="store_true", help="only measure cold starts")
args = parser.parse_args()

print("== Cold start: import and first answer in a fresh interpreter, against the sandbox ==")
ok = cold_start.run(args.rounds)
if not args.skip_e2e:
    from bench import end_to_end

    print(f"\n== Sandbox end to end: {args.posts} concurrent trainee posts taken through approval ==")
    ok &= end_to_end.run(args.posts)
sys.exit(0 if ok else 1)
