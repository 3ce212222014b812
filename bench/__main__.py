import argparse
import sys

from bench import cold_start, layer_size

parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
parser.add_argument("--posts", type=int, default=20, help="concurrent trainee posts for the end-to-end run")
parser.add_argument("--rounds", type=int, default=cold_start.ROUNDS, help="cold starts of each function (median)")
parser.add_argument("--skip-e2e", action="store_true", help="only measure cold starts and the layer")
parser.add_argument("--cold-start-only", action="store_true", help="only measure cold starts")
parser.add_argument("--people", type=int, default=2000, help="people seeded for the large-organisation run")
parser.add_argument("--org-posts", type=int, default=20000, help="posts seeded for the large-organisation run")
parser.add_argument("--smoke", action="store_true",
                    help="CI's run: every part once at a small size; figures printed, targets not enforced")
args = parser.parse_args()
if args.smoke:
    args.rounds, args.posts, args.people, args.org_posts = 1, 3, 50, 500

print("== Cold start: import and first answer in a fresh interpreter, against the sandbox ==")
ok = cold_start.run(args.rounds)
if not args.cold_start_only:
    print("\n== Layers ==")
    ok &= layer_size.run()
if not (args.skip_e2e or args.cold_start_only):
    from bench import end_to_end

    print(f"\n== Sandbox end to end: {args.posts} concurrent trainee posts taken through approval ==")
    ok &= end_to_end.run(args.posts)
    from bench import large_org

    print(f"\n== A large organisation: {args.people:,} people, {args.org_posts:,} posts; each page's API calls ==")
    ok &= large_org.run(args.people, args.org_posts)
if not ok:
    print("\nSome figures missed their targets" + (" (not enforced in a smoke run)." if args.smoke else "."))
sys.exit(0 if ok or args.smoke else 1)
