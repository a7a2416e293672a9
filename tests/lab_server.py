"""Start ``make lab`` as the README says, on a free port, for the tests that check it
(tests/test_repository.py: the kit opens; tests/test_i18n.py: ``KIT_LANG=zh`` opens it in
Chinese). Needs the ``.venv/.lab`` that ``make test`` prepares; skips without it."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@contextmanager
def running_lab(tmp_path: Path, opens: str, *make_args: str):
    """Run ``make lab *make_args`` until JupyterLab serves ``opens`` (a path under the repository,
    e.g. ``notebooks/00_welcome.ipynb``); yield ``(port, token, log)``, then stop it."""
    if not (ROOT / ".venv" / ".lab").exists():
        pytest.skip("no .venv/.lab here: run `make test` (which prepares it) to include this test")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "lab.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            ["make", "lab", *make_args, f"PORT={port}", "LAB_ARGS=--no-browser --ip=127.0.0.1"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")},
        )
    try:
        token, deadline = None, time.monotonic() + 120
        wanted = rf"http://127\.0\.0\.1:{port}/lab/tree/{re.escape(opens)}\?token=(\w+)"
        while token is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.5)
            found = re.search(wanted, log.read_text())
            token = found and found.group(1)
        assert token, f"JupyterLab did not start:\n{log.read_text()[-3000:]}"
        yield port, token, log
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
