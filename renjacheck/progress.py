"""The progress bar of a long `check`: on stderr, and only when stderr is a terminal.

A national year is some 250 workbooks and minutes of work; a person at a terminal wants to see
it move. Pipes, files, CI logs and pre-commit get nothing: a bar there is only noise (and
`\\r` frames are unreadable in a log). Each frame overwrites the last with a carriage return,
and the bar is wiped before anything else is written, so the report never follows it.
"""

from __future__ import annotations

import os
from typing import TextIO

from renjacheck.safetext import shown

WIDTH = 20  # characters of the bar between its brackets


def frame(done: int, total: int, name: str, columns: int = 80) -> str:
    """One frame, `[#####.....] 120/250 name`, shortened from the left of `name` to fit
    `columns` (the last column left free: filling it makes some terminals wrap)."""
    filled = WIDTH * done // total if total else WIDTH
    head = f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total} "
    room = columns - 1 - len(head)
    if len(name) > room:
        name = "..." + name[len(name) - room + 3:] if room > 3 else ""
    return head + name


class Bar:
    """A progress callback for `check_many` that draws on `stream`; `close()` wipes it."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream, self.total, self.shown = stream, total, 0
        try:
            # 0 when the terminal does not say (a pseudo-terminal without a size)
            self.columns = os.get_terminal_size(stream.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):  # no real descriptor (a test's stream)
            self.columns = 80
        self.draw(frame(0, total, "", self.columns))  # at once: the first file may take a while

    def __call__(self, done: int, total: int, report) -> None:
        """Show that `report`'s file is done, `done` of `total`."""
        self.draw(frame(done, total, shown(str(report.path)), self.columns))

    def draw(self, text: str) -> None:
        """Write `text` over the frame shown (padded so no tail of a longer one stays)."""
        self.stream.write("\r" + text.ljust(self.shown))
        self.stream.flush()
        self.shown = len(text)

    def close(self) -> None:
        """Wipe the bar, leaving the cursor at the start of its empty line."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0


def bar_for(stream: TextIO, total: int, quiet: bool = False) -> Bar | None:
    """A Bar on `stream` when it is a terminal and there is more than one file to wait for;
    else None. `--quiet` asks for nothing but errors: no bar either."""
    if quiet or total < 2:
        return None
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced by something that is no file
        return None
    return Bar(stream, total) if terminal else None
