"""A scripted HTTP server on 127.0.0.1 for the client's edge cases (5xx, HTML errors, TLS).

It stands in for a misbehaving store or a proxy in front of one: each request gets the next
scripted answer and is recorded (method, path, headers) so a test can count attempts.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]


@dataclass
class Script:
    answers: list[tuple[int, str, str]]
    """``(status, content type, body)``, one per request; the last one repeats."""
    seen: list[Seen] = field(default_factory=list)


@contextmanager
def stub_server(
    answers: list[tuple[int, str, str]], tls: ssl.SSLContext | None = None
) -> Iterator[tuple[str, Script]]:
    """Serve ``answers`` in order; yields the base URL and the script (with what was seen)."""
    script = Script(list(answers))

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            script.seen.append(Seen(self.command, self.path, dict(self.headers.items())))
            status, content_type, body = (
                script.answers.pop(0) if len(script.answers) > 1 else script.answers[0]
            )
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    scheme = "https" if tls else "http"
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}", script
    finally:
        server.shutdown()
        server.server_close()
