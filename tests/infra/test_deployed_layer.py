"""The deployed artefact, proven here: the layers bundled as a deploy bundles them (wheels for this
machine's Python instead of Lambda's), then each handler, in a fresh interpreter that sees only the
standard library, a Lambda-runtime stand-in (boto3 and its own dependencies), the function's layers
(the images layer too if the catalog says ``images=True``) and its code directory, imports and
answers a request against moto server.

Needs PyPI or a mirror for pip (as ``make deploy`` does)."""

from __future__ import annotations

import base64
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from moto.server import ThreadedMotoServer
from PIL import Image

from infra.functions import BY_NAME, ROOT
from infra.sandbox.client import free_port
from infra.stack import layer
from tests.integration.conftest import Aws, claims_for, http_event
from tests.unit.test_images import ORIENTATION, encoded, located_exif

# What Lambda's python3.13 runtime puts on the path besides the standard library.
RUNTIME_DISTRIBUTIONS = ("boto3", "botocore", "s3transfer", "jmespath", "python-dateutil", "six", "urllib3")
AUTHOR, TRAINEE, REVIEWER = "author@example.org", "trainee@example.org", "reviewer@example.org"

SEED = """
import json, sys
from pathlib import Path
from infra.sandbox import environment, seed
endpoint, state = sys.argv[1], Path(sys.argv[2])
env = environment.handler_environment(aws_endpoint=endpoint, console_url="https://console.example.test",
                                      state_dir=state)
environment.apply(env)
env["USER_POOL_ID"] = seed.seed_identity(endpoint).user_pool_id
environment.apply(env)
seed.seed_rest(endpoint)
print(json.dumps(env))
"""

# Runs with -I -S: no site-packages, no PYTHONPATH, no current directory. sys.path is set as Lambda
# sets it: the function's code, then its layers (all unpacked in /opt/python), then the runtime's packages.
INVOKE = """
import json, sys
code, runtime, *layers = sys.argv[1:]
sys.path[:0] = [code, *layers, runtime]
allowed = (code, *layers, runtime, sys.base_prefix)

class Context:
    function_name = "understudy"; memory_limit_in_mb = 256; aws_request_id = "layer-test"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:understudy"
    @staticmethod
    def get_remaining_time_in_millis(): return 10_000

import handler
answers = [handler.lambda_handler(event, Context()) for event in json.loads(sys.stdin.read())]
stray = sorted({m.__file__ for m in list(sys.modules.values())
                if getattr(m, "__file__", None) and not m.__file__.startswith(allowed)})
print("ANSWER " + json.dumps({"answers": answers, "stray": stray}, default=str))
"""


def runtime_stand_in(target: Path) -> Path:
    """boto3 and its dependencies, copied file by file from this environment's installed distributions."""
    for name in RUNTIME_DISTRIBUTIONS:
        dist = importlib.metadata.distribution(name)
        for file in dist.files or ():
            source = Path(dist.locate_file(file))
            if source.is_file() and ".." not in file.parts and "__pycache__" not in file.parts:
                (target / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / file)
    return target


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deployed")
    opt = layer.bundle_here(tmp / "layer")
    images = layer.bundle_here(tmp / "images", layer.IMAGES)
    runtime = runtime_stand_in(tmp / "runtime")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        endpoint = f"http://127.0.0.1:{port}"
        seeded = subprocess.run([sys.executable, "-c", SEED, endpoint, str(tmp)], cwd=ROOT, capture_output=True,
                                text=True, timeout=300, check=False)
        assert seeded.returncode == 0, seeded.stderr[-3000:]
        env = json.loads(seeded.stdout.strip().splitlines()[-1])
        env["POWERTOOLS_METRICS_DISABLED"] = "false"  # as on Lambda: the metrics are flushed too
        yield {"opt": opt, "images": images, "runtime": runtime, "env": env}
    finally:
        server.stop()


def invoke(deployed, name: str, *events: dict) -> list:
    """Each event answered by one fresh interpreter holding only what Lambda would give the function."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin"), **deployed["env"]}
    layers = [deployed["opt"], deployed["images"]] if BY_NAME[name].images else [deployed["opt"]]
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", INVOKE, str(BY_NAME[name].code_dir), str(deployed["runtime"]),
         *map(str, layers)], input=json.dumps(events), env=env, cwd=deployed["opt"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"{name}:\n{done.stderr[-4000:]}"
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("ANSWER ")]
    result = json.loads(line.removeprefix("ANSWER "))
    assert result["stray"] == [], f"{name} loaded modules from outside Lambda's path"
    return result["answers"]


def body(answer: dict) -> dict:
    return json.loads(answer["body"])


def test_the_layers_leave_boto3_and_botocore_to_the_runtime_and_pillow_to_the_images_layer(deployed):
    present = {path.name.split("-")[0].lower() for path in deployed["opt"].iterdir()}
    assert "understudy" in present and "aws_lambda_powertools" in present and "pynamodb" in present
    assert not present & {"boto3", "botocore", "s3transfer", "pil", "pillow.libs"}
    assert {path.name.split("-")[0].lower() for path in deployed["images"].iterdir()} == {"pil", "pillow.libs",
                                                                                          "pillow"}


def test_every_handler_imports_and_answers_from_the_bundled_layer(deployed):
    def post(who: str, text: str) -> dict:
        return http_event("POST", "/posts", claims=claims_for(who), body={"channel": "demo", "text": text})

    live, held = invoke(deployed, "api", post(AUTHOR, "Straight out"), post(TRAINEE, "Held for review"))
    assert (live["statusCode"], held["statusCode"]) == (201, 201), (live, held)
    live, held = body(live), body(held)
    assert (live["status"], held["status"]) == ("publishing", "pending_review")

    (asked,) = invoke(deployed, "request_review", {"postId": held["id"], "taskToken": "token-1"})
    assert asked == {"waiting": True, "reviewers": 1}
    (mail,) = [mail for mail in Aws(pool_id="").sent_emails() if "Held for review" in mail["text"]]
    assert REVIEWER in mail["to"]
    token = re.search(r"#token=([^&\s]+)", mail["text"])[1]

    (shown,) = invoke(deployed, "review_link", http_event("POST", "/review-links/view", body={"token": token}))
    assert shown["statusCode"] == 200 and body(shown)["post"]["text"] == "Held for review"

    (published,) = invoke(deployed, "publish", {"postId": live["id"]})
    assert published["retryAt"] is None and published["url"]
    (told,) = invoke(deployed, "notify", {"event": "published", "postId": live["id"]})
    assert told == {"status": "published"}


def test_mastodon_and_bluesky_counts_run_from_the_bundled_layer(deployed):
    """Grapheme clusters (graphemeu) and X's URLs (twitter-text-parser) come with the layer."""
    code = ("import sys; sys.path[:0] = sys.argv[1:3]\n"
            "from understudy import lengths\n"
            "print(lengths.graphemes('\\u0915\\u094d\\u0937\\u093f \\U0001F468\\u200d\\U0001F469\\u200d\\U0001F467'),"
            " lengths.mastodon_countable('@a@b.org https://example.org/long/path'))\n")
    done = subprocess.run([sys.executable, "-I", "-S", "-c", code, str(deployed["opt"]), str(deployed["runtime"])],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["3", "@a", "x" * 23]


# In the images layer's path: each kind of image cleaned (understudy.images.clean, as an upload is on
# submit) and made into an email thumbnail, then reopened by the same pruned Pillow.
CLEAN = """
import base64, io, json, sys
runtime, *layers = sys.argv[1:]
sys.path[:0] = [*layers, runtime]
from PIL import Image
from understudy import images
answers = {}
for name, data in json.loads(sys.stdin.read()).items():
    clean = images.clean(base64.b64decode(data), name)
    reopened = Image.open(io.BytesIO(clean.data))
    reopened.load()
    thumbnail, subtype = images.thumbnail(clean.data)
    answers[name] = {"type": clean.content_type, "size": [clean.width, clean.height], "exif": dict(reopened.getexif()),
                     "thumbnail": Image.open(io.BytesIO(thumbnail)).format, "subtype": subtype}
stray = sorted({m.__file__ for m in list(sys.modules.values()) if getattr(m, "__file__", None)
                and not m.__file__.startswith((*layers, runtime, sys.base_prefix))})
print("ANSWER " + json.dumps({"answers": answers, "stray": stray}, default=str))
"""


def test_the_pruned_pillow_cleans_jpeg_png_gif_and_webp_in_lambdas_path(deployed):
    exif = located_exif()
    exif[ORIENTATION] = 6  # "rotate 90° clockwise to display": the clean copy is turned, 10×40
    frames = [Image.new("P", (16, 16), colour) for colour in (1, 2)]
    uploads = {
        "photo.jpg": encoded(Image.new("RGB", (40, 10), (9, 99, 199)), "JPEG", exif=exif),
        "shot.webp": encoded(Image.new("RGBA", (30, 20), (200, 10, 10, 128)), "WEBP", exif=located_exif()),
        "chart.png": encoded(Image.new("RGB", (12, 8), "white"), "PNG"),
        "loop.gif": encoded(frames[0], "GIF", save_all=True, append_images=frames[1:]),
    }
    done = subprocess.run(
        [sys.executable, "-I", "-S", "-c", CLEAN, str(deployed["runtime"]), str(deployed["opt"]),
         str(deployed["images"])], input=json.dumps({name: base64.b64encode(data).decode()
                                                     for name, data in uploads.items()}),
        cwd=deployed["opt"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("ANSWER ")]
    result = json.loads(line.removeprefix("ANSWER "))
    assert result["stray"] == []
    answers = result["answers"]
    assert answers["photo.jpg"] == {"type": "image/jpeg", "size": [10, 40], "exif": {}, "thumbnail": "JPEG",
                                    "subtype": "jpeg"}
    assert answers["shot.webp"] == {"type": "image/webp", "size": [30, 20], "exif": {}, "thumbnail": "PNG",
                                    "subtype": "png"}
    assert answers["chart.png"]["type"] == "image/png" and answers["chart.png"]["size"] == [12, 8]
    assert answers["loop.gif"]["type"] == "image/gif" and answers["loop.gif"]["size"] == [16, 16]
