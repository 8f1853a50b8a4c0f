"""Serving a built site on 127.0.0.1 for the benchmark, gzipped as a real host would.

One job: a static file server in a background thread, on a free port, that gzips text files
(level 6, as common web servers do) when the browser asks for it. Lighthouse's simulated slow
network counts transferred bytes, so serving uncompressed files would misstate the figures.
"""
from __future__ import annotations

import gzip
import http.server
import threading
from functools import partial
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # quiet: the benchmark prints its own table
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the standard redirect to the folder with a slash
            path = path / "index.html"
        if (path.suffix not in COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self._body = body
        return _Body(body)


class _Body:
    """A file-like object for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, n=-1):
        data, self.data = (self.data, b"") if n < 0 else (self.data[:n], self.data[n:])
        return data

    def close(self):
        pass


class SiteServer:
    """`with SiteServer(site) as base_url:` serves `site` at http://127.0.0.1:<free port>/."""

    def __init__(self, site: Path):
        handler = partial(_Handler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
