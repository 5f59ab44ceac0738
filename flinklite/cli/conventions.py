"""What every flinklite command shares: its exit codes (as Flink's sql-client.sh, and 128 + the
signal), `-D key=value`, the interactive client's history file, and leaving quietly when
stdout's reader left."""

import argparse
import os
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM

DEFAULT_HISTORY = "~/.flinklite-sql-history"


def key_value(text: str) -> tuple[str, str]:
    """A `-D key=value` argument (argparse `type=`)."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected key=value, got '{text}'")
    return key.strip(), value.strip()


def silence_stdout() -> None:
    """After a broken pipe (`flinklite ... | head`): Python flushes stdout at exit, and once
    the reader is gone that flush would print an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
