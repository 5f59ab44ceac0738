"""The 'filesystem' connector's reader: a file or a directory of files, one split per file,
decoded in batches by the table's format (csv, json, raw).

Files are listed as Flink's FileSource lists them: recursively, sorted, skipping names that
start with '.' or '_' (in-progress and marker files)."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from itertools import chain, islice
from typing import Any

from flinklite.catalog.types import RowField
from flinklite.errors import ExecutionError
from flinklite.formats import csv_codec
from flinklite.runtime.connector import (
    BATCH_SIZE,
    RowDecoder,
    ScanSpec,
    Source,
    Split,
    shown_record,
)
from flinklite.runtime.rows import NANOS_PER_MILLI, Row


def list_files(path: str, pattern: str | None = None) -> list[str]:
    """The data files under `path` (itself if it is a file), in path order."""
    if os.path.isfile(path):
        return [path]
    if not os.path.isdir(path):
        raise ExecutionError(f"File {path} does not exist or the user running Flink has no access.")
    regex = re.compile(pattern) if pattern else None
    found = []
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in files:
            if name.startswith((".", "_")):
                continue
            full = os.path.join(root, name)
            if regex is None or regex.fullmatch(full):
                found.append(full)
    return sorted(found)


def _metadata(path: str, keys: tuple[str, ...]) -> tuple[Any, ...]:
    stat = os.stat(path)
    values = {
        "file.path": os.path.abspath(path),
        "file.name": os.path.basename(path),
        "file.size": stat.st_size,
        "file.modification-time": int(stat.st_mtime * 1000) * NANOS_PER_MILLI,
    }
    return tuple(values[k] for k in keys)


class _FileSplit(Split):
    """One file; opened at the first poll so listing many files costs nothing up front."""

    def __init__(self, path: str, metadata: tuple[str, ...]) -> None:
        self.path = path
        self.name = path
        self.metadata_keys = metadata
        self.meta: tuple[Any, ...] = ()
        self.file: Any = None
        self.done = False
        self.line = 0  # lines consumed: where a restored split resumes
        self.resume_at = 0

    # How the file's bytes become text: "surrogateescape" keeps bytes that are not UTF-8 as
    # lone surrogates for the split to report; None reads bytes (the format decodes them).
    encoding_errors: str | None = "surrogateescape"

    def position(self) -> Any:
        return self.line

    def _open(self) -> None:
        try:
            if self.encoding_errors is None:
                self.file = open(self.path, "rb")  # noqa: SIM115
            else:
                self.file = open(  # noqa: SIM115
                    self.path, encoding="utf-8", errors=self.encoding_errors, newline=""
                )
        except OSError as e:
            raise ExecutionError(f"Cannot read file {self.path}: {e.strerror}") from None
        if self.metadata_keys:
            self.meta = _metadata(self.path, self.metadata_keys)
        if self.resume_at:
            skipped = sum(1 for _ in islice(self.file, self.resume_at))
            self.line = skipped

    def poll(self) -> list[Row] | None:
        if self.done:
            return None
        if self.file is None:
            self._open()
        rows = self.read_batch()
        if rows is None:
            self.close()
            self.done = True
            return None
        if self.meta:
            meta = self.meta
            return [r + meta for r in rows]
        return rows

    def read_batch(self) -> list[Row] | None:
        raise NotImplementedError

    def fail(self, line: int, record: str | bytes, cause: str) -> ExecutionError:
        shown = shown_record(record)
        return ExecutionError(
            f"Failed to deserialize record '{shown}' of file {self.path}, line {line}: {cause}",
            hint="set 'csv.ignore-parse-errors' / 'json.ignore-parse-errors' = 'true' to skip "
            "bad records",
        )

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


class _CsvSplit(_FileSplit):
    """A CSV file. A batch of lines without quote or escape characters is split with
    str.split (most files); otherwise Python's csv reader parses it, reading on past the
    batch when a quoted field spans lines."""

    def __init__(self, path: str, metadata: tuple[str, ...], converter: Any) -> None:
        super().__init__(path, metadata)
        self.converter: csv_codec.RecordConverter = converter
        opts = converter.opts
        self.special = [c for c in (opts.quote, opts.escape) if c]
        self.unterminated: ExecutionError | None = None  # a quote left open at the end

    def _records(self, lines: list[str]) -> list[list[str]]:
        text = "".join(lines)
        try:
            if not text.isascii():  # most files: no copy made to look for undecodable bytes
                text.encode("utf-8")
        except UnicodeEncodeError as e:
            # As Flink's CSV reader, a file that is not UTF-8 fails the job, skipped or not.
            line = self.line + text.count("\n", 0, e.start) + 1
            byte = ord(text[e.start]) - 0xDC00
            raise ExecutionError(
                f"Invalid UTF-8 byte 0x{byte:02x} in file {self.path}, line {line}: check "
                "content encoding, does not look like UTF-8"
            ) from None
        if not any(c in text for c in self.special):
            if "\r" in text:
                text = text.replace("\r\n", "\n")
            if text.endswith("\n"):
                text = text[:-1]
            self.line += len(lines)
            delimiter = self.converter.opts.delimiter
            return [line.split(delimiter) for line in text.split("\n")]
        source = _Lines(chain(lines, self.file))
        reader = self.converter.opts.reader(source)
        records = []
        try:
            while reader.line_num < len(lines):
                start = reader.line_num
                record = next(reader)
                if source.ended:
                    # The reader asked for lines past the end of the file: a quote was left
                    # open, and the record swallowed the rest. Jackson refuses it (Flink skips
                    # it with ignore-parse-errors), after the records before it.
                    if not self.converter.opts.ignore_parse_errors:
                        self.unterminated = self.fail(
                            self.line + start + 1,
                            self.converter.opts.delimiter.join(record),
                            "Missing closing quote for value",
                        )
                    break
                records.append(record)
        except StopIteration:
            pass
        except csv.Error as e:
            raise self.fail(self.line + reader.line_num, "", str(e)) from None
        self.line += reader.line_num
        return records

    def read_batch(self) -> list[Row] | None:
        lines = list(islice(self.file, BATCH_SIZE))
        if not lines:
            return None
        start_line = self.line
        records = self._records(lines)
        conv = self.converter
        if conv.opts.allow_comments and any(conv.opts.is_comment(r) for r in records):
            rows = self._careful(records, start_line)  # which skips the comments
        else:
            try:
                rows = conv.convert_batch(records)
            except Exception:
                rows = self._careful(records, start_line)
        if self.unterminated is not None:
            raise self.unterminated
        return rows

    def _careful(self, records: list[list[str]], start_line: int) -> list[Row]:
        """Record by record, to skip or name the bad one with its line number."""
        conv = self.converter
        rows: list[Row] = []
        line = start_line + 1
        for record in records:
            if not (conv.opts.allow_comments and conv.opts.is_comment(record)):
                try:
                    row = conv.convert_one(record)
                except ValueError as e:
                    text = conv.opts.delimiter.join(record)
                    raise self.fail(line, text, str(e)) from None
                if row is not None:
                    rows.append(row)
            line += 1 + sum(field.count("\n") for field in record)
        return rows


class _Lines:
    """The lines of a file for the csv reader, telling when it asked for one past the end."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.ended = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            return next(self.lines)
        except StopIteration:
            self.ended = True
            raise


class _LineSplit(_FileSplit):
    """A file of one record per line (json, raw), decoded line by line."""

    def __init__(
        self,
        path: str,
        metadata: tuple[str, ...],
        decoder: RowDecoder,
        *,
        encoding_errors: str | None,
    ) -> None:
        super().__init__(path, metadata)
        self.decode = decoder.decode
        self.encoding_errors = encoding_errors

    def read_batch(self) -> list[Row] | None:
        lines = list(islice(self.file, BATCH_SIZE))
        if not lines:
            return None
        first = self.line + 1
        self.line += len(lines)
        decode = self.decode
        try:
            rows = list(map(decode, lines))
        except ValueError:
            rows = []
            for n, text in enumerate(lines, first):
                try:
                    rows.append(decode(text))
                except ValueError as e:
                    raise self.fail(n, text, str(e)) from None
        if None in rows:
            rows = [r for r in rows if r is not None]
        return rows


def _strip_newline(decoder: RowDecoder) -> RowDecoder:
    decode = decoder.decode
    return RowDecoder(decoder.fields, lambda line: decode(line.rstrip("\r\n")))


class FileSystemSource(Source):
    """Reads every file under 'path' with the table's format; bounded."""

    bounded = True

    def __init__(self, spec: ScanSpec) -> None:
        self.spec = spec
        self.path = spec.options["path"]
        fmt, self.format_options = spec.formats["value"]
        self.format = fmt
        if spec.options.get("source.monitor-interval") is not None:
            raise ExecutionError(
                "Option 'source.monitor-interval' (watching a directory for new files) is not "
                "supported by flinklite's filesystem connector yet."
            )
        self.metadata_keys = tuple(key for key, _ in spec.metadata)
        self._splits: list[_FileSplit] = []

    def _split(self, path: str) -> _FileSplit:
        fields: tuple[RowField, ...] = self.spec.physical
        if self.format == "csv":
            opts = csv_codec.CsvOptions(self.format_options)
            converter = csv_codec.RecordConverter(self.spec.all_physical, fields, opts)
            return _CsvSplit(path, self.metadata_keys, converter)
        if self.format == "json":
            from flinklite.formats import json_codec

            # bytes, as Flink's JSON parser reads them: a record that is not UTF-8 is a bad
            # record (skipped with ignore-parse-errors), not a failure of the file
            decoder = json_codec.decoder(fields, self.format_options)
            return _LineSplit(path, self.metadata_keys, decoder, encoding_errors=None)
        if self.format == "raw":
            from flinklite.formats import raw

            # Bytes that are not UTF-8 become U+FFFD, as Java decodes a String.
            decoder = _strip_newline(raw.decoder(fields, self.format_options))
            return _LineSplit(path, self.metadata_keys, decoder, encoding_errors="replace")
        raise ExecutionError(
            f"The filesystem connector of flinklite cannot read format '{self.format}' yet; "
            "use csv, json or raw."
        )

    def splits(self) -> list[Split]:
        pattern = self.spec.options.get("source.path.regex-pattern")
        self._splits = [self._split(p) for p in list_files(self.path, pattern)]
        for split in self._splits:
            split.resume_at = (self.restored or {}).get(split.name) or 0
        return list(self._splits)

    def close(self) -> None:
        for split in self._splits:
            split.close()
