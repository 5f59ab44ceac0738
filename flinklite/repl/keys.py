"""The shell's own keys on top of prompt-toolkit's Emacs bindings: Enter runs the input once it
holds a complete statement (ending in `;`, or QUIT/EXIT/HELP-style words) and opens a new line
otherwise, as in Flink's client."""

from __future__ import annotations

from prompt_toolkit.filters import has_focus
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys


def statement_bindings() -> KeyBindings:
    bindings = KeyBindings()

    # Ctrl-J (a bare line feed, as some terminals and pasted text send it) submits as Enter does.
    @bindings.add(Keys.Enter, filter=has_focus("DEFAULT_BUFFER"))
    @bindings.add(Keys.ControlJ, filter=has_focus("DEFAULT_BUFFER"))
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        state = buffer.complete_state
        if state is not None and state.current_completion is not None:
            buffer.apply_completion(state.current_completion)
            return
        if ready(buffer.text):
            buffer.validate_and_handle()
        else:
            buffer.newline(copy_margin=False)

    return bindings


def ready(text: str) -> bool:
    """Whether Enter should run `text`: blank input (a fresh prompt) or a complete statement."""
    from flinklite.sql.splitter import is_complete

    return not text.strip() or is_complete(text)
