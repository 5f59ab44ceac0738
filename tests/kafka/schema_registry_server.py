"""A small in-memory schema registry speaking the Confluent REST API (also under
/apis/ccompat/v6, as Apicurio serves it), for the avro-confluent tests."""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIXES = ("/apis/ccompat/v6", "/apis/ccompat/v7")


class Registry:
    def __init__(self) -> None:
        self.schemas: list[str] = []  # id - 1 -> schema text
        self.subjects: dict[str, list[int]] = {}
        self.auth_seen: list[str | None] = []
        # subject -> message: registering under it is refused as an incompatible schema.
        self.reject: dict[str, str] = {}
        self.lock = threading.Lock()

    def register(self, subject: str, schema: str) -> int:
        with self.lock:
            if schema in self.schemas:
                schema_id = self.schemas.index(schema) + 1
            else:
                self.schemas.append(schema)
                schema_id = len(self.schemas)
            versions = self.subjects.setdefault(subject, [])
            if schema_id not in versions:
                versions.append(schema_id)
            return schema_id


def _handler(registry: Registry) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def _answer(self, code: int, body: object) -> None:
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/vnd.schemaregistry.v1+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _path(self) -> str:
            registry.auth_seen.append(self.headers.get("Authorization"))
            path = self.path.split("?")[0]
            for prefix in PREFIXES:
                if path.startswith(prefix):
                    return path[len(prefix) :]
            return path

        def do_GET(self) -> None:
            path = self._path()
            if m := re.fullmatch(r"/schemas/ids/(\d+)", path):
                n = int(m.group(1))
                if 0 < n <= len(registry.schemas):
                    return self._answer(200, {"schema": registry.schemas[n - 1]})
                return self._answer(404, {"error_code": 40403, "message": "Schema not found"})
            if m := re.fullmatch(r"/subjects/([^/]+)/versions/(latest|\d+)", path):
                versions = registry.subjects.get(m.group(1))
                if not versions:
                    return self._answer(404, {"error_code": 40401, "message": "Subject not found"})
                v = len(versions) if m.group(2) == "latest" else int(m.group(2))
                schema_id = versions[v - 1]
                return self._answer(
                    200,
                    {
                        "subject": m.group(1),
                        "version": v,
                        "id": schema_id,
                        "schema": registry.schemas[schema_id - 1],
                    },
                )
            if path == "/subjects":
                return self._answer(200, sorted(registry.subjects))
            return self._answer(404, {"error_code": 404, "message": "Not found"})

        def do_POST(self) -> None:
            path = self._path()
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            if m := re.fullmatch(r"/subjects/([^/]+)/versions", path):
                if m.group(1) in registry.reject:
                    message = registry.reject[m.group(1)]
                    return self._answer(409, {"error_code": 409, "message": message})
                return self._answer(200, {"id": registry.register(m.group(1), body["schema"])})
            if m := re.fullmatch(r"/subjects/([^/]+)", path):
                schema = body["schema"]
                if schema in registry.schemas:
                    schema_id = registry.schemas.index(schema) + 1
                    versions = registry.subjects.get(m.group(1), [])
                    if schema_id in versions:
                        return self._answer(
                            200,
                            {
                                "subject": m.group(1),
                                "version": versions.index(schema_id) + 1,
                                "id": schema_id,
                                "schema": schema,
                            },
                        )
                return self._answer(404, {"error_code": 40403, "message": "Schema not found"})
            return self._answer(404, {"error_code": 404, "message": "Not found"})

    return Handler


def serve() -> tuple[ThreadingHTTPServer, Registry, str]:
    """Starts a registry on a free loopback port: (server, registry, base URL)."""
    registry = Registry()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(registry))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, registry, f"http://127.0.0.1:{server.server_address[1]}"
