"""The console's static files, as the console bucket serves them behind CloudFront on AWS."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from werkzeug.security import safe_join
from werkzeug.wrappers import Response

# Set explicitly: with nosniff a module script served under the wrong type is refused by the browser,
# and the platform's mimetypes table varies.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",  # the local timeline's copies of posts' images
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
}


def _file(root: Path, url_path: str) -> Path | None:
    """The file under ``root`` that ``url_path`` names, or None (outside root, hidden, or not a file)."""
    relative = url_path.lstrip("/") or "index.html"
    if "\\" in relative or "\0" in relative or any(part.startswith(".") for part in relative.split("/")):
        return None
    joined = safe_join(str(root), relative)
    if joined is None:
        return None
    path = Path(joined).resolve()
    if not path.is_relative_to(root.resolve()) or not path.is_file():
        return None  # the resolve() check also refuses symlinks that lead out of the console
    return path


def serve(root: Path, url_path: str) -> Response | None:
    """The file's response, or None when there is no such file."""
    path = _file(root, url_path)
    if path is None:
        return None
    content_type = CONTENT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    response = Response(path.read_bytes(), status=200, content_type=content_type)  # werkzeug drops it for HEAD
    response.headers["Cache-Control"] = "no-cache"  # revalidate: the sandbox is for editing the console too
    return response
