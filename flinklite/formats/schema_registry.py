"""A small client of the Confluent Schema Registry REST API (also served by Apicurio under
/apis/ccompat/v6): schemas by id, and registering a subject's schema; both cached."""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.request
from typing import Any

from flinklite.errors import ExecutionError

CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"


class SchemaRegistryClient:
    """Talks to one registry URL; `basic_auth` is 'user:password' (basic-auth.user-info)."""

    def __init__(self, url: str, basic_auth: str | None = None, bearer: str | None = None):
        self.url = url.rstrip("/")
        self.headers = {"Accept": CONTENT_TYPE, "Content-Type": CONTENT_TYPE}
        if basic_auth:
            token = base64.b64encode(basic_auth.encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"
        elif bearer:
            self.headers["Authorization"] = f"Bearer {bearer}"
        self._by_id: dict[int, str] = {}
        self._ids: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers=self.headers
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace")
            try:
                detail = json.loads(detail).get("message", detail)
            except (ValueError, AttributeError):
                pass
            raise ExecutionError(
                f"Schema registry {self.url} answered {e.code} to {method} {path}: {detail}"
            ) from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise ExecutionError(f"Cannot reach the schema registry {self.url}: {reason}") from None

    def schema_by_id(self, schema_id: int) -> str:
        """The schema text registered under a global id (GET /schemas/ids/{id})."""
        with self._lock:
            found = self._by_id.get(schema_id)
        if found is None:
            found = self._call("GET", f"/schemas/ids/{schema_id}")["schema"]
            with self._lock:
                self._by_id[schema_id] = found
        return found

    def register(self, subject: str, schema: str) -> int:
        """The id of `schema` under `subject`, registering it when new."""
        key = (subject, schema)
        with self._lock:
            found = self._ids.get(key)
        if found is None:
            quoted = urllib.request.quote(subject, safe="")
            found = int(
                self._call("POST", f"/subjects/{quoted}/versions", {"schema": schema})["id"]
            )
            with self._lock:
                self._ids[key] = found
                self._by_id[found] = schema
        return found

    def latest(self, subject: str) -> tuple[int, str]:
        """The id and text of the latest schema of `subject`."""
        quoted = urllib.request.quote(subject, safe="")
        answer = self._call("GET", f"/subjects/{quoted}/versions/latest")
        return int(answer["id"]), answer["schema"]


_clients: dict[tuple, SchemaRegistryClient] = {}


def client_for(options: dict[str, Any]) -> SchemaRegistryClient:
    """The shared client for an avro-confluent format's options (url and credentials)."""
    user_info = options.get("basic-auth.user-info")
    bearer = options.get("bearer-auth.token")
    key = (options["url"], user_info, bearer)
    client = _clients.get(key)
    if client is None:
        client = _clients[key] = SchemaRegistryClient(options["url"], user_info, bearer)
    return client
