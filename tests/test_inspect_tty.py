"""``newsclean inspect`` in a real terminal (a pseudo-terminal): colours per label.

The view's own tests render through rich's recording console; this one runs the
command as a user would, with its output on a terminal, and checks the escape
codes that reach it: one colour per label gutter, the body's text plain and
readable, boilerplate dimmed. Skips where there are no pseudo-terminals.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed_de_euronews.txt"


def _run_on_a_terminal(*args: str) -> str:
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "50"}
    env.pop("NO_COLOR", None)
    env.pop("FORCE_COLOR", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", *args],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the other side closed (Linux raises EIO)
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", errors="replace")


def _gutter_codes(out: str) -> dict[str, str]:
    """For each label, the escape code that starts its gutter cell."""
    codes: dict[str, str] = {}
    for line in out.splitlines():
        for label in ("title", "byline", "body", "caption", "credit", "related", "boilerplate"):
            marker = f"m{label}"
            at = line.find(marker)
            if at > 0 and label not in codes:
                start = line.rfind("\x1b[", 0, at)
                codes[label] = line[start : at + 1]
    return codes


def test_inspect_colours_each_label_on_a_terminal() -> None:
    out = _run_on_a_terminal("inspect", "--no-pager", str(SEED))
    assert "\x1b[" in out, "no colour reached the terminal"
    codes = _gutter_codes(out)
    assert {"title", "byline", "body", "caption", "credit", "boilerplate"} <= set(codes)
    assert len(set(codes.values())) == len(codes), f"two labels share a colour: {codes}"
    assert codes["boilerplate"] == "\x1b[2m"  # dimmed
    assert "32" in codes["body"]  # green gutter; the body's own text stays unstyled
    body_line = next(
        line for line in out.splitlines() if "mbody" in line and "Nordkoreas Machthaber" in line
    )
    text_start = body_line.index("Nordkoreas Machthaber")
    assert not body_line[:text_start].rstrip().endswith("\x1b[2m")


def test_inspect_without_a_terminal_has_no_colour() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", "inspect", str(SEED)],
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "FORCE_COLOR"},
    )
    assert "\x1b[" not in result.stdout
    assert "body" in result.stdout
