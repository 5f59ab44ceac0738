"""A client of Flink's SQL Gateway REST API (v2 and later): sessions, statements, operations and
their paged results, with the gateway's Java exceptions turned into Flink's client messages.

Only the standard library: one HTTP request per call, which on loopback costs well under a
millisecond and keeps the client free of connection state shared between threads."""

from __future__ import annotations

import decimal
import http.client
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from flinklite.errors import FlinkliteError, Pos

# The API versions this client speaks, newest first; v1 has no row formats and no completion.
SUPPORTED_VERSIONS = ("v4", "v3", "v2")
REQUEST_TIMEOUT_S = 60.0


class GatewayUnavailable(FlinkliteError):
    """The gateway cannot be reached or answers with something that is not its REST API."""

    kind = "SqlClientException"


class RemoteError(FlinkliteError):
    """An exception raised on the cluster, named as Flink's client names it: the class of the
    deepest cause with a message, and that message."""

    def __init__(self, java_class: str, message: str, *, pos: Pos | None = None) -> None:
        super().__init__(message, pos=pos)
        self.kind = java_class


def endpoint_url(address: str) -> tuple[str, str | None]:
    """The base URL of `host:port` or a URL (as Flink's `sql-client.sh gateway --endpoint`
    takes), and the API version a URL ending in `/v2`, `/v3`, ... asks for."""
    text = address.strip().rstrip("/")
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
        text = "http://" + text
    parsed = urllib.parse.urlsplit(text)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise GatewayUnavailable(f"'{address}' is not a SQL Gateway address (host:port or URL).")
    pinned = re.search(r"/(v\d+)$", parsed.path, re.IGNORECASE)
    if pinned is None:
        return text, None
    return text[: -len(pinned.group(0))], pinned.group(1).lower()


class GatewayClient:
    """One gateway, at the newest API version both sides speak (or the one the URL names)."""

    def __init__(self, address: str, *, timeout_s: float = REQUEST_TIMEOUT_S) -> None:
        self.url, pinned = endpoint_url(address)
        self.timeout_s = timeout_s
        self.version = self._negotiate(pinned)

    def _negotiate(self, pinned: str | None) -> str:
        served = [v.lower() for v in self.call("GET", "/api_versions").get("versions", [])]
        if pinned is not None:
            if pinned in served and pinned in SUPPORTED_VERSIONS:
                return pinned
            raise GatewayUnavailable(
                f"The SQL Gateway at {self.url} serves REST API versions {served}; flinklite "
                f"speaks {', '.join(reversed(SUPPORTED_VERSIONS))}, not {pinned}."
            )
        for version in SUPPORTED_VERSIONS:
            if version in served:
                return version
        raise GatewayUnavailable(
            f"The SQL Gateway at {self.url} serves REST API versions {served or 'none'}; "
            "flinklite needs v2 or later (Flink 1.17+)."
        )

    def flink_version(self) -> str:
        try:
            return str(self.call("GET", self._path("/info")).get("version", "?"))
        except FlinkliteError:
            return "?"

    # --- sessions ------------------------------------------------------------------------------

    def open_session(self, properties: dict[str, str], name: str = "flinklite") -> str:
        body = {"properties": properties, "sessionName": name}
        return str(self.call("POST", self._path("/sessions"), body)["sessionHandle"])

    def close_session(self, session: str) -> None:
        self.call("DELETE", self._path(f"/sessions/{session}"))

    def heartbeat(self, session: str) -> None:
        self.call("POST", self._path(f"/sessions/{session}/heartbeat"), {})

    def properties(self, session: str) -> dict[str, str]:
        """The session's configuration as the gateway holds it (after SET / RESET)."""
        return dict(self.call("GET", self._path(f"/sessions/{session}")).get("properties", {}))

    # --- statements and operations -------------------------------------------------------------

    def submit(self, session: str, statement: str) -> str:
        body = {"statement": statement}
        path = self._path(f"/sessions/{session}/statements")
        return str(self.call("POST", path, body)["operationHandle"])

    def first_page_uri(self, session: str, operation: str) -> str:
        return self._path(f"/sessions/{session}/operations/{operation}/result/0?rowFormat=JSON")

    def fetch(self, uri: str) -> dict[str, Any]:
        """One page of results: `resultType` NOT_READY, PAYLOAD or EOS, `results` with columns
        and data, `nextResultUri`; an operation that failed raises its RemoteError here."""
        return self.call("GET", uri)

    def close_operation(self, session: str, operation: str) -> None:
        self.call("DELETE", self._path(f"/sessions/{session}/operations/{operation}/close"))

    # --- HTTP ----------------------------------------------------------------------------------

    def _path(self, path: str) -> str:
        return f"/{self.version}{path}"

    def call(self, method: str, path: str, body: dict | None = None) -> dict[str, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                text = response.read()
        except urllib.error.HTTPError as exc:
            raise remote_error(exc.read().decode("utf-8", "replace"), exc.code) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, socket.timeout | TimeoutError):
                reason = f"no answer within {self.timeout_s:g} s"
            raise GatewayUnavailable(
                f"Could not reach the SQL Gateway at {self.url}: {reason}"
            ) from None
        try:
            # Exact numbers: DECIMAL values keep their digits; DOUBLE columns convert later.
            return json.loads(text or b"{}", parse_float=decimal.Decimal) or {}
        except ValueError:
            raise GatewayUnavailable(
                f"The server at {self.url} did not answer as a SQL Gateway "
                f"(not JSON: {text[:80]!r})."
            ) from None


# --- the gateway's errors ------------------------------------------------------------------------

_CAUSE = re.compile(r"^(?:Caused by: )?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(?:: (.*))?$")
# Calcite's `From line 1, column 15 to line 1, column 18` (inclusive) or a parser's `at line 1,
# column 15`.
_POSITION = re.compile(r"line (\d+), column (\d+)(?: to line (\d+), column (\d+))?")
_WRAPPERS = ("<Exception on server side:", "End of exception on server side>")


def remote_error(body: str, status: int = 500) -> FlinkliteError:
    """The error a failed REST call reports: Flink's client shows the deepest cause that has a
    message, and where any cause names a line and column, flinklite points at it."""
    try:
        errors = json.loads(body).get("errors", [])
    except (ValueError, AttributeError):
        errors = []
    trace = next((e for e in errors if isinstance(e, str) and "\n" in e), None)
    if trace is None:
        text = "; ".join(str(e) for e in errors) or body.strip() or f"HTTP {status}"
        return RemoteError("org.apache.flink.table.gateway.api.utils.SqlGatewayException", text)
    causes = _causes(trace)
    java_class, message = next(
        ((c, m) for c, m in reversed(causes) if m.strip()),
        causes[-1] if causes else ("java.lang.Exception", trace.strip()),
    )
    pos = None
    for _, text in causes:
        found = _POSITION.search(text)
        if found:
            line, column, end_line, end_column = (int(g or 0) for g in found.groups())
            pos = Pos(line, column, end_line, end_column + 1 if end_line else 0)
    return RemoteError(java_class, message, pos=pos)


def _causes(trace: str) -> list[tuple[str, str]]:
    """(class, message) of each exception in a Java stack trace, outermost first; a message
    runs on until the first `at ...` frame (a parse error's `Was expecting ...` lines)."""
    causes: list[tuple[str, list[str]]] = []
    in_frames = False
    for line in trace.splitlines():
        stripped = line.strip()
        if not stripped or stripped in _WRAPPERS:
            continue
        if line.startswith("\t") and (stripped.startswith("at ") or stripped.startswith("...")):
            in_frames = True
            continue
        header = _CAUSE.match(stripped)
        if header and (not causes or in_frames or stripped.startswith("Caused by: ")):
            causes.append((header.group(1), [header.group(2) or ""]))
            in_frames = False
        elif causes and not in_frames:
            causes[-1][1].append(line)
    return [(c, "\n".join(lines).rstrip()) for c, lines in causes]
