"""A Confluent-compatible schema registry on loopback, for `flinklite registry`: the subset of the
REST API that avro-confluent tables, `datagen` and `topic tail` use, in memory or kept in a folder.

Served at the root (Confluent's paths) and under /apis/ccompat/v6 and /v7 (Apicurio's), so the
tutorials' URLs work with only the host changed. Schemas get global ids from 1 in registration
order; the same text registered again keeps its id, as Confluent's registry does."""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

PREFIXES = ("/apis/ccompat/v6", "/apis/ccompat/v7")
CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"
STORE_FILE = "schemas.json"
STORE_VERSION = 1


class RegistryError(Exception):
    """An answer other than 200: the HTTP status, Confluent's error code and its message."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class SchemaStore:
    """Schemas by global id and subjects as lists of ids (version n = element n-1). With a
    folder, every change is written to <folder>/schemas.json (temp file, fsync, rename) before
    it is answered, and a restart reads it back."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.schemas: list[str] = []  # id - 1 -> schema text
        self.subjects: dict[str, list[int]] = {}
        self.folder = Path(folder) if folder is not None else None
        self._lock = threading.Lock()
        if self.folder is not None:
            self._load()

    # --- the API's operations -----------------------------------------------------------------

    def register(self, subject: str, schema: str) -> int:
        self.check_schema(schema)
        self.refuse(subject, schema)
        with self._lock:
            if schema in self.schemas:
                schema_id = self.schemas.index(schema) + 1
            else:
                self.schemas.append(schema)
                schema_id = len(self.schemas)
            versions = self.subjects.setdefault(subject, [])
            if schema_id not in versions:
                versions.append(schema_id)
                self._save()
            return schema_id

    def schema(self, schema_id: int) -> str:
        with self._lock:
            if 0 < schema_id <= len(self.schemas):
                return self.schemas[schema_id - 1]
        raise RegistryError(404, 40403, f"Schema {schema_id} not found")

    def versions(self, subject: str) -> list[int]:
        with self._lock:
            found = self.subjects.get(subject)
            if not found:
                raise RegistryError(404, 40401, f"Subject '{subject}' not found.")
            return list(found)

    def version(self, subject: str, version: str) -> dict[str, Any]:
        ids = self.versions(subject)
        n = len(ids) if version in ("latest", "-1") else int(version)
        if not 0 < n <= len(ids):
            raise RegistryError(404, 40402, f"Version {version} not found.")
        schema_id = ids[n - 1]
        return {"subject": subject, "version": n, "id": schema_id, "schema": self.schema(schema_id)}

    def lookup(self, subject: str, schema: str) -> dict[str, Any]:
        ids = self.versions(subject)
        with self._lock:
            schema_id = self.schemas.index(schema) + 1 if schema in self.schemas else None
        if schema_id not in ids:
            raise RegistryError(404, 40403, "Schema not found")
        return {"subject": subject, "version": ids.index(schema_id) + 1, "id": schema_id,
                "schema": schema}  # fmt: skip

    def delete_subject(self, subject: str) -> list[int]:
        with self._lock:
            ids = self.subjects.pop(subject, None)
            if not ids:
                raise RegistryError(404, 40401, f"Subject '{subject}' not found.")
            self._save()
            return list(range(1, len(ids) + 1))

    def subject_names(self) -> list[str]:
        with self._lock:
            return sorted(self.subjects)

    # --- hooks --------------------------------------------------------------------------------

    def check_schema(self, schema: str) -> None:
        """Refuses what is not an Avro schema, with Confluent's code 42201."""
        try:
            import fastavro

            fastavro.parse_schema(json.loads(schema))
        except Exception as e:  # any parse failure is the client's mistake, named in the answer
            raise RegistryError(422, 42201, f"Invalid schema: {e}") from None

    def refuse(self, subject: str, schema: str) -> None:
        """Raise a RegistryError to refuse a registration (no compatibility rules here)."""

    def authorize(self, authorization: str | None) -> None:
        """Sees every request's Authorization header; this registry asks for none."""

    # --- persistence --------------------------------------------------------------------------

    def _load(self) -> None:
        assert self.folder is not None
        path = self.folder / STORE_FILE
        if not path.exists():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STORE_VERSION:
            raise ValueError(f"{path} has store version {data.get('version')}, not {STORE_VERSION}")
        self.schemas = list(data["schemas"])
        self.subjects = {k: list(v) for k, v in data["subjects"].items()}

    def _save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"version": STORE_VERSION, "schemas": self.schemas, "subjects": self.subjects}
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".schemas-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.folder / STORE_FILE)


def _route(store: SchemaStore, method: str, path: str, body: Any) -> Any:
    """The answer to one request, or RegistryError."""
    if method == "GET":
        if path in ("", "/"):
            return {}
        if m := re.fullmatch(r"/schemas/ids/(\d+)", path):
            return {"schema": store.schema(int(m.group(1)))}
        if m := re.fullmatch(r"/schemas/ids/(\d+)/schema", path):
            return json.loads(store.schema(int(m.group(1))))
        if path == "/subjects":
            return store.subject_names()
        if m := re.fullmatch(r"/subjects/([^/]+)/versions", path):
            return list(range(1, len(store.versions(unquote(m.group(1)))) + 1))
        if m := re.fullmatch(r"/subjects/([^/]+)/versions/(latest|-1|\d+)", path):
            return store.version(unquote(m.group(1)), m.group(2))
        if path == "/config" or re.fullmatch(r"/config/[^/]+", path):
            return {"compatibilityLevel": "NONE"}
        if path == "/schemas/types":
            return ["AVRO"]
    elif method == "POST":
        versions = re.fullmatch(r"/subjects/([^/]+)/versions", path)
        subject = versions or re.fullmatch(r"/subjects/([^/]+)", path)
        if subject:
            schema = body.get("schema") if isinstance(body, dict) else None
            if not isinstance(schema, str):
                raise RegistryError(422, 42201, "Invalid schema: the request has no 'schema'")
            if body.get("schemaType", "AVRO") != "AVRO":
                raise RegistryError(422, 42201, "Invalid schema: only AVRO schemas are supported")
            name = unquote(subject.group(1))
            if versions:
                return {"id": store.register(name, schema)}
            return store.lookup(name, schema)
    elif method == "DELETE":
        if m := re.fullmatch(r"/subjects/([^/]+)", path):
            return store.delete_subject(unquote(m.group(1)))
    raise RegistryError(404, 404, f"HTTP 404 Not Found: {method} {path}")


def _handler(store: SchemaStore) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "flinklite-registry"

        def log_message(self, *args: Any) -> None:
            pass  # a request log line per record would drown the terminal

        def _answer(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", CONTENT_TYPE)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _serve(self, method: str) -> None:
            path = self.path.split("?")[0]
            for prefix in PREFIXES:
                if path.startswith(prefix):
                    path = path[len(prefix) :]
                    break
            try:
                store.authorize(self.headers.get("Authorization"))
                body: Any = {}
                if method == "POST":
                    raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                    try:
                        body = json.loads(raw or b"{}")
                    except ValueError:
                        raise RegistryError(400, 400, "The request body is not JSON") from None
                self._answer(200, _route(store, method, path, body))
            except RegistryError as e:
                self._answer(e.status, {"error_code": e.code, "message": e.message})

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_DELETE(self) -> None:
            self._serve("DELETE")

    return Handler


class RegistryServer:
    """The registry's HTTP server; `url` is its base URL once started."""

    def __init__(self, store: SchemaStore, host: str = "127.0.0.1", port: int = 0) -> None:
        self.store = store
        self.httpd = ThreadingHTTPServer((host, port), _handler(store))
        self.httpd.daemon_threads = True
        bound_host, bound_port = self.httpd.server_address[:2]
        self.url = f"http://{bound_host}:{bound_port}"

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> RegistryServer:
        """Serves on a daemon thread (for tests and embedding)."""
        threading.Thread(target=self.serve_forever, name="flinklite-registry", daemon=True).start()
        return self

    def shutdown(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
