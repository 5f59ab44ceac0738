"""Specification of checkpoint files: Flink's layout (`<dir>/<job id>/chk-<n>/_metadata`), a
checkpoint complete only once its metadata is in place, the newest `num-retained` kept, and a
restore path resolved to a checkpoint, refused with a clear reason otherwise."""

from __future__ import annotations

import json

import pytest

from flinklite.errors import ValidationError
from flinklite.runtime import checkpoints
from flinklite.runtime.checkpoints import CheckpointStorage


def test_a_checkpoint_is_a_chk_folder_with_its_metadata(tmp_path):
    storage = CheckpointStorage(tmp_path, "a1b2c3d4", retained=1)
    folder = storage.write(1, {"operators": []})
    assert folder == tmp_path / "a1b2c3d4" / "chk-1"
    meta = json.loads((folder / "_metadata").read_text())
    assert meta["format"] == "flinklite-checkpoint" and meta["checkpoint_id"] == 1
    assert sorted(p.name for p in folder.iterdir()) == ["_metadata"]  # no temporary left


def test_only_the_newest_retained_checkpoints_are_kept(tmp_path):
    storage = CheckpointStorage(tmp_path, "job", retained=2)
    for n in range(1, 6):
        storage.write(n, {})
    assert [p.name for p in storage.completed()] == ["chk-4", "chk-5"]


def test_a_half_written_checkpoint_does_not_count(tmp_path):
    storage = CheckpointStorage(tmp_path, "job", retained=3)
    storage.write(1, {"n": 1})
    crashed = tmp_path / "job" / "chk-2"
    crashed.mkdir()
    (crashed / "_metadata.inprogress").write_text('{"trunc')
    assert [p.name for p in storage.completed()] == ["chk-1"]
    assert checkpoints.load(tmp_path / "job")["n"] == 1  # the job folder: its newest complete


def test_restore_paths_name_a_folder_or_its_metadata(tmp_path):
    folder = CheckpointStorage(tmp_path, "job", 1).write(7, {"x": [1]})
    for path in (folder, folder / "_metadata", tmp_path / "job"):
        loaded = checkpoints.load(path)
        assert loaded["checkpoint_id"] == 7 and loaded["path"] == str(folder)


def test_a_savepoint_folder_is_named_as_flinks(tmp_path):
    folder = checkpoints.savepoint_folder(tmp_path, "0123456789abcdef")
    assert folder.parent == tmp_path
    assert (
        folder.name.startswith("savepoint-012345-")
        and len(folder.name) == len("savepoint-012345-") + 12
    )


def test_nothing_to_restore_is_a_clear_error(tmp_path):
    with pytest.raises(ValidationError, match="holds no completed checkpoint"):
        checkpoints.load(tmp_path / "nowhere")


def test_another_format_or_version_is_refused(tmp_path):
    folder = tmp_path / "sp"
    folder.mkdir()
    (folder / "_metadata").write_text('{"format": "something-else"}')
    with pytest.raises(ValidationError, match="not a flinklite checkpoint"):
        checkpoints.load(folder)
    (folder / "_metadata").write_text(
        json.dumps({"format": "flinklite-checkpoint", "version": 99, "flinklite": "9.0"})
    )
    with pytest.raises(ValidationError, match="state format version 99, written by flinklite 9.0"):
        checkpoints.load(folder)
