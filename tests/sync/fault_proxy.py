"""A loopback HTTP proxy between the adapter and trytond that injects network faults:
drop the request, drop the response after the server applied it, deliver twice, answer
late (past the client's timeout), answer 503."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FAULTS = ("drop_request", "drop_response", "duplicate", "delay", "unavailable")


class FaultProxy:
    def __init__(self, upstream_port: Callable[[], int]) -> None:
        self._upstream = upstream_port
        self.plan: list[tuple[str, str]] = []   # (method substring, fault), used in order
        self.random: random.Random | None = None
        self.rate = 0.0
        self.delay = 0.9
        self.log: list[tuple[str, str]] = []    # (method, fault or "ok")
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, *_args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                try:
                    method = json.loads(body).get("method", "")
                except ValueError:
                    method = ""
                fault = proxy._pick(method)
                if fault == "drop_request":
                    self.close_connection = True
                    return
                if fault == "unavailable":
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if fault == "delay":
                    time.sleep(proxy.delay)  # the client gives up; the server still applies
                status, headers, payload = proxy._forward(self.path, self.headers, body)
                if fault == "duplicate":
                    proxy._forward(self.path, self.headers, body)
                if fault == "drop_response":
                    self.close_connection = True
                    return
                self.send_response(status)
                for name, value in headers:
                    if name.lower() not in ("content-length", "connection", "transfer-encoding",
                                            "server", "date"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def _pick(self, method: str) -> str:
        with self._lock:
            fault = "ok"
            for index, (pattern, planned) in enumerate(self.plan):
                if pattern in method:
                    fault = planned
                    del self.plan[index]
                    break
            else:
                if self.random is not None and method.startswith("model.") and \
                        self.random.random() < self.rate:
                    fault = self.random.choice(FAULTS)
            self.log.append((method, fault))
            return fault

    def _forward(self, path: str, headers: object, body: bytes
                 ) -> tuple[int, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self._upstream(), timeout=60)
        try:
            wanted = {k: v for k, v in headers.items()  # type: ignore[attr-defined]
                      if k.lower() in ("content-type", "authorization")}
            connection.request("POST", path, body, wanted)
            response = connection.getresponse()
            return response.status, response.getheaders(), response.read()
        except OSError:
            return 503, [], b""
        finally:
            connection.close()

    def faults_seen(self) -> list[str]:
        return [fault for _method, fault in self.log if fault != "ok"]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
