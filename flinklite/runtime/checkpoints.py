"""Checkpoint and savepoint files, laid out as Flink lays them out: `<dir>/<job id>/chk-<n>/`
holding a `_metadata` file, and savepoints as `<dir>/savepoint-<job id prefix>-<random>/`.

A checkpoint is complete once its `_metadata` exists: it is written to a temporary file,
fsynced, renamed into place and the folder fsynced, so a crash at any moment leaves either the
previous complete checkpoint or the new one, never half of one. Only the newest
`num-retained` complete checkpoints are kept. The metadata is JSON (state_codec), versioned."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flinklite import __version__
from flinklite.config import (
    DELETE_ON_CANCELLATION,
    NO_EXTERNALIZED_CHECKPOINTS,
    RETAIN_ON_CANCELLATION,
)
from flinklite.errors import ValidationError
from flinklite.options import local_path
from flinklite.runtime.state_codec import STATE_FORMAT_VERSION

METADATA = "_metadata"
FORMAT = "flinklite-checkpoint"
_CHECKPOINT_DIR = re.compile(r"^chk-(\d+)$")


@dataclass(frozen=True, slots=True)
class CheckpointConfig:
    """`execution.checkpointing.interval`, `.dir`, `.num-retained` and
    `.externalized-checkpoint-retention`."""

    interval_ms: int
    directory: str
    retained: int
    retention: str = NO_EXTERNALIZED_CHECKPOINTS

    def keeps(self, status: str) -> bool:
        """Whether a job's checkpoints outlive its end in `status`, as Flink decides."""
        if self.retention == RETAIN_ON_CANCELLATION:
            return True
        return status == "FAILED" and self.retention == DELETE_ON_CANCELLATION


def write_metadata(folder: Path, payload: dict[str, Any]) -> Path:
    """Writes `folder/_metadata` atomically; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    document = {
        "format": FORMAT,
        "version": STATE_FORMAT_VERSION,
        "flinklite": __version__,
        "timestamp": int(time.time() * 1000),
        **payload,
    }
    data = json.dumps(document, separators=(",", ":"), allow_nan=False).encode("utf-8")
    temporary = folder / (METADATA + ".inprogress")
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, folder / METADATA)
    _fsync_dir(folder)
    _fsync_dir(folder.parent)
    return folder


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename is still atomic
    finally:
        os.close(fd)


class CheckpointStorage:
    """One job's checkpoints under `<directory>/<job id>/`."""

    def __init__(self, directory: str | Path, job_id: str, retained: int) -> None:
        self.job_dir = _local(directory) / job_id
        self.retained = max(1, retained)

    def write(self, checkpoint_id: int, payload: dict[str, Any]) -> Path:
        folder = write_metadata(
            self.job_dir / f"chk-{checkpoint_id}", {"checkpoint_id": checkpoint_id, **payload}
        )
        self._prune()
        return folder

    def completed(self) -> list[Path]:
        return completed_checkpoints(self.job_dir)

    def discard(self) -> None:
        """The job ended and its checkpoints go with it."""
        shutil.rmtree(self.job_dir, ignore_errors=True)

    def _prune(self) -> None:
        for old in self.completed()[: -self.retained]:
            shutil.rmtree(old, ignore_errors=True)


def completed_checkpoints(job_dir: Path) -> list[Path]:
    """A job folder's complete checkpoints, oldest first."""
    if not job_dir.is_dir():
        return []
    found = []
    for child in job_dir.iterdir():
        m = _CHECKPOINT_DIR.match(child.name)
        if m and (child / METADATA).is_file():
            found.append((int(m.group(1)), child))
    return [path for _, path in sorted(found)]


def latest_in(directory: str | Path) -> Path:
    """The newest complete checkpoint of any job under a checkpoint folder."""
    found = [c for job in _local(directory).glob("*") for c in completed_checkpoints(job)]
    if not found:
        raise ValidationError(f"Cannot restore 'latest': no completed checkpoint in {directory}")
    return max(found, key=lambda c: (c / METADATA).stat().st_mtime_ns)


def savepoint_folder(directory: str | Path, job_id: str) -> Path:
    """A new savepoint's folder, named as Flink names them."""
    return _local(directory) / f"savepoint-{job_id[:6]}-{secrets.token_hex(6)}"


def _local(path: str | Path) -> Path:
    """A folder option's value (a path or a file: URI) as a local path."""
    return Path(local_path(str(path))).expanduser()


def resolve(path: str | Path) -> Path:
    """The `_metadata` file a restore path names: the file itself, a checkpoint or savepoint
    folder, or a job folder (its newest complete checkpoint)."""
    p = _local(path)
    if p.is_file() and p.name == METADATA:
        return p
    if (p / METADATA).is_file():
        return p / METADATA
    checkpoints = completed_checkpoints(p)
    if checkpoints:
        return checkpoints[-1] / METADATA
    raise ValidationError(
        f"Cannot restore from '{path}': it holds no completed checkpoint or savepoint "
        f"(a folder with a {METADATA} file, or a job folder of chk-<n> folders)"
    )


def load(path: str | Path) -> dict[str, Any]:
    """The metadata a restore path names, checked for format and version."""
    file = resolve(path)
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValidationError(f"Cannot read the checkpoint metadata {file}: {e}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError(f"{file} is not a flinklite checkpoint or savepoint")
    version = document.get("version")
    if version != STATE_FORMAT_VERSION:
        raise ValidationError(
            f"The checkpoint {file} has state format version {version}, written by flinklite "
            f"{document.get('flinklite', '?')}; this flinklite ({__version__}) reads version "
            f"{STATE_FORMAT_VERSION}"
        )
    document["path"] = str(file.parent)
    return document
