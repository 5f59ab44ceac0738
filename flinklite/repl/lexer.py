"""SQL syntax highlighting for the shell's input line, in the colours named by
`sql-client.display.color-schema` (Flink's schema names mapped onto Pygments styles).

Only the lexer and the style are built here; the shell hands them to prompt-toolkit."""

from __future__ import annotations

from typing import Any

from prompt_toolkit.lexers import Lexer, PygmentsLexer
from prompt_toolkit.styles import Style, merge_styles, style_from_pygments_cls

# Flink's color schemas and the Pygments style closest to each. `default` keeps
# prompt-toolkit's own SQL colours; an unknown name falls back to it, as in Flink.
COLOR_SCHEMAS: dict[str, str | None] = {
    "default": None,
    "chester": "monokai",
    "dracula": "dracula",
    "solarized": "solarized-dark",
    "vs2010": "vs",
    "obsidian": "native",
    "geshi": "friendly",
    "dark": "one-dark",
    "light": "default",
}

# The prompt and the completion menu, whatever the schema.
_SHELL_STYLE = {
    "prompt": "ansigreen",
    "continuation": "ansigreen",
}


def sql_lexer() -> Lexer:
    from pygments.lexers.sql import SqlLexer

    return PygmentsLexer(SqlLexer)


def shell_style(config: Any) -> Style:
    """The style for `sql-client.display.color-schema` (read once when the shell starts)."""
    name = _schema_name(config)
    styles = [Style.from_dict(_SHELL_STYLE)]
    pygments_name = COLOR_SCHEMAS.get(name)
    if pygments_name is not None:
        from pygments.styles import get_style_by_name

        try:
            styles.insert(0, style_from_pygments_cls(get_style_by_name(pygments_name)))
        except Exception:  # noqa: BLE001 - a missing Pygments style means default colours
            pass
    return merge_styles(styles)


def _schema_name(config: Any) -> str:
    try:
        value = config.get("sql-client.display.color-schema") if config is not None else None
    except Exception:  # noqa: BLE001
        value = None
    return (value or "default").strip().lower()
