#!/usr/bin/env python3
"""Serve the built JupyterLite site (build/lite) as static files on one local address.

Python's own http.server, with the media types the site needs stated here rather than taken
from the machine's /etc/mime.types (which may lack them): browsers refuse to compile
WebAssembly or to import an ES module served with the wrong type.

Usage: lite-serve.py [--host 127.0.0.1] [--port 8000] [SITE]
"""

from __future__ import annotations

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

MEDIA_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".md": "text/markdown; charset=utf-8",
    ".ipynb": "application/json",
    ".webmanifest": "application/manifest+json",
}


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MEDIA_TYPES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="build/lite", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args()
    if not (args.site / "lab" / "index.html").is_file():
        sys.exit(f"lite-serve: no JupyterLite site in {args.site} (no lab/index.html): run `make lite` first.")
    handler = functools.partial(SiteHandler, directory=str(args.site))
    try:
        server = ThreadingHTTPServer((args.host, args.port), handler)
    except OSError as error:
        sys.exit(f"lite-serve: cannot listen on {args.host}:{args.port} ({error.strerror}); choose another port: make lite-serve LITE_PORT=...")
    print(f"lite-serve: {args.site} on http://{args.host}:{args.port}/lab/index.html  (Ctrl+C stops it)")
    with server:
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
