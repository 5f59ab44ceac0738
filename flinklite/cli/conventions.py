"""What every flinklite command shares: its exit codes (as Flink's sql-client.sh, and 128 + the
signal) and the interactive client's history file."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM

DEFAULT_HISTORY = "~/.flinklite-sql-history"
