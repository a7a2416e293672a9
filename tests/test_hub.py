"""A real classroom JupyterHub on 127.0.0.1: two students log in, pull the lessons, run them.

JupyterHub (from PyPI) and configurable-http-proxy (from npm) come from `scripts/ensure-hub`,
which `make test` runs; the kit sits read-only in the hub's environment. The hub uses
deploy/hub/jupyterhub_config.py: dummy authenticator, LocalProcessSpawner, so each student's
server runs as that student's own Unix account (created here, which needs root: CI is root).
The lessons reach each home with nbgitpuller from a local git repository, each student runs a
lesson and an exercise through the hub's REST API and a kernel, and neither can see the
other's files. The hub, its proxy and the servers are stopped at the end, also on failure.
"""
import json
import os
import pwd
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest

requests = pytest.importorskip("requests")
websocket = pytest.importorskip("websocket")

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = Path(os.environ.get("QCAKIT_HUB_DIR", ROOT / ".hub"))
VENV = HUB_DIR / "hub-venv"
CHP = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
STUDENTS = ("qcakit-student1", "qcakit-student2")
PASSWORD = "qcakit-test-" + uuid.uuid4().hex[:8]
# (lesson, exercise) each student runs; 13 and ex05 render the Styler tables (jinja2). The second
# student also runs a Chinese lesson and exercise (the Chinese edition, issue 25).
WORK = {"qcakit-student1": ("notebooks/13_xu_necessity.ipynb", "exercises/ex03_necessity.ipynb"),
        "qcakit-student2": ("notebooks/00_welcome.ipynb", "exercises/ex05_truth_table.ipynb",
                            "notebooks/zh/00_welcome.ipynb", "exercises/zh/ex05_truth_table.ipynb")}

pytestmark = pytest.mark.hub


def _require_setup():
    if os.geteuid() != 0:
        pytest.skip("the hub test creates Unix accounts for two students and needs root (CI is root)")
    missing = [str(p) for p in (VENV / "bin" / "jupyterhub", CHP) if not p.exists()]
    if missing:
        pytest.skip(f"hub environment missing ({', '.join(missing)}): run scripts/ensure-hub")
    if shutil.which("git") is None:
        pytest.skip("nbgitpuller needs git on PATH")


def _free_ports(n=3):
    """A port p with p, ..., p+n-1 all free on 127.0.0.1, below the ephemeral range (32768+)."""
    for _ in range(100):
        base = random.randrange(20000, 32000)
        if all(_port_free(base + i) for i in range(n)):
            return base
    raise RuntimeError("no free block of ports on 127.0.0.1")


def _port_free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.fixture(scope="module")
def students():
    """The student accounts (made here, removed at the end if this test made them), private homes."""
    _require_setup()
    created = []
    for name in STUDENTS:
        try:
            pwd.getpwnam(name)
        except KeyError:
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", name], check=True)
            created.append(name)
        home = Path(pwd.getpwnam(name).pw_dir)
        shutil.rmtree(home / "lessons", ignore_errors=True)
        (home / "my_answer.txt").unlink(missing_ok=True)
        os.chmod(home, 0o700)  # a private home, as TLJH and useradd with HOME_MODE 0700 make it
    yield STUDENTS
    for name in created:
        subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)


@pytest.fixture(scope="module")
def lessons_repo():
    """A git repository of the lessons and exercises, readable by everyone (as a course repo is)."""
    parent = Path(tempfile.mkdtemp(prefix="qcakit-lessons-", dir="/tmp"))
    folder = parent / "lessons.git"
    folder.mkdir()
    for part in ("notebooks", "exercises"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns(
            "__pycache__", ".ipynb_checkpoints", "my_study_report"))
    git = ["git", "-C", str(folder), "-c", "user.name=teacher", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "lessons"], check=True)
    (parent / "gitconfig").write_text(f"[safe]\n\tdirectory = {folder}/.git\n")
    subprocess.run(["chmod", "-R", "a+rX", str(parent)], check=True)
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


@pytest.fixture(scope="module")
def hub(students, lessons_repo):
    """Start JupyterHub (which starts the proxy); stop both, and every server, at the end."""
    state = Path(tempfile.mkdtemp(prefix="qcakit-hub-"))
    port = _free_ports()
    env = dict(os.environ, QCAKIT_HUB_VENV=str(VENV), QCAKIT_HUB_STATE=str(state),
               QCAKIT_HUB_PORT=str(port), QCAKIT_HUB_USERS=",".join(students),
               QCAKIT_HUB_PASSWORD=PASSWORD, QCAKIT_HUB_CHP=str(CHP),
               QCAKIT_HUB_GIT_CONFIG=str(lessons_repo.parent / "gitconfig"),
               PATH=f"{VENV}/bin:{CHP.parent}:{os.environ['PATH']}")
    log = open(state / "hub.log", "wb")
    proc = subprocess.Popen([str(VENV / "bin" / "jupyterhub"), "-f",
                             str(ROOT / "deploy" / "hub" / "jupyterhub_config.py")],
                            cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _get_ok(f"{url}/hub/api") or proc.poll() is not None, 60,
              state / "hub.log", "JupyterHub did not answer")
        assert proc.poll() is None, (state / "hub.log").read_text(errors="replace")[-3000:]
        yield url
    finally:
        _stop(proc, state / "proxy.pid")
        log.close()
        assert not _listening(port) and not _listening(port + 2), "hub or proxy still up after stop"
        shutil.rmtree(state, ignore_errors=True)


def _stop(proc, proxy_pid_file):
    """SIGTERM the hub (it stops the proxy and servers), then kill what is left: its process group,
    and the proxy, which runs in a session of its own and outlives a hub that crashed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(10)
    if proxy_pid_file.exists():
        pid = proxy_pid_file.read_text().strip()
        cmdline = Path(f"/proc/{pid}/cmdline")
        if pid.isdigit() and cmdline.exists() and b"configurable-http-proxy" in cmdline.read_bytes():
            os.kill(int(pid), signal.SIGTERM)


def _listening(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _get_ok(url, **kw):
    try:
        return requests.get(url, timeout=5, **kw).ok
    except requests.ConnectionError:
        return False


def _wait(ready, seconds, logfile=None, what="timed out"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.3)
    tail = Path(logfile).read_text(errors="replace")[-3000:] if logfile else ""
    raise AssertionError(f"{what} within {seconds} s\n{tail}")


class Student:
    """One student's browser session and token on the hub."""

    def __init__(self, hub, name):
        self.hub, self.name = hub, name
        self.web = requests.Session()
        self.web.get(f"{hub}/hub/login", timeout=10).raise_for_status()
        xsrf = self.web.cookies.get("_xsrf", path="/hub/")
        r = self.web.post(f"{hub}/hub/login?next=/hub/spawn", timeout=60,
                          data={"username": name, "password": PASSWORD, "_xsrf": xsrf})
        r.raise_for_status()
        assert "jupyterhub-session-id" in self.web.cookies, f"{name} was not logged in"
        xsrf = self.web.cookies.get("_xsrf", path="/hub/")  # renewed at login
        r = self.web.post(f"{hub}/hub/api/users/{name}/tokens", timeout=10,
                          headers={"X-XSRFToken": xsrf, "Referer": f"{hub}/hub/token"},
                          json={"note": "qcakit hub test", "expires_in": 600})
        r.raise_for_status()
        self.headers = {"Authorization": f"token {r.json()['token']}"}
        self.user_url = f"{hub}/user/{name}"

    def api(self, method, path, user=None, **kw):
        url = f"{self.hub}/user/{user or self.name}/api/{path}"
        return requests.request(method, url, headers=self.headers, timeout=60, **kw)

    def wait_for_server(self):
        def ready():
            r = requests.get(f"{self.hub}/hub/api/users/{self.name}", headers=self.headers, timeout=10)
            server = r.json().get("servers", {}).get("")
            return bool(server and server.get("ready"))
        _wait(ready, 60, what=f"{self.name}'s server did not start")

    def pull(self, repo):
        """nbgitpuller's own API (what a teacher's nbgitpuller link calls): clone into ~/lessons."""
        query = urlencode({"repo": f"file://{repo}", "branch": "main", "targetpath": "lessons"})
        r = requests.get(f"{self.user_url}/git-pull/api?{query}", headers=self.headers,
                         stream=True, timeout=120)
        r.raise_for_status()
        events = [json.loads(line[5:]) for line in r.iter_lines(decode_unicode=True)
                  if line and line.startswith("data:")]
        assert events and events[-1].get("phase") == "finished", events[-3:]

    def run_notebook(self, path, expression=""):
        """Run every code cell of a pulled notebook in a kernel the hub started; return the repr
        of `expression` evaluated after the last cell."""
        nb = self.api("GET", f"contents/lessons/{path}").json()["content"]
        r = self.api("POST", "sessions", json={"path": f"lessons/{path}", "type": "notebook",
                                               "name": "", "kernel": {"name": "python3"}})
        r.raise_for_status()
        session = r.json()
        try:
            cells = [c["source"] for c in nb["cells"] if c["cell_type"] == "code"]
            return run_cells(self, session["kernel"]["id"], cells, expression)
        finally:
            self.api("DELETE", f"sessions/{session['id']}")


def run_cells(student, kernel_id, cells, expression=""):
    """Execute cells over the kernel's websocket; fail on the first error.

    Returns the repr of `expression` evaluated after the last cell (read from the shell reply,
    which, unlike printed output on iopub, cannot race a freshly connected websocket)."""
    ws_url = student.user_url.replace("http://", "ws://") + f"/api/kernels/{kernel_id}/channels"
    ws = websocket.create_connection(ws_url, header=[f"{k}: {v}" for k, v in student.headers.items()],
                                     timeout=120)
    value = None
    try:
        for index, source in enumerate(cells):
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": student.name,
                           "session": uuid.uuid4().hex, "version": "5.3"},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": source, "silent": False, "store_history": True,
                            "user_expressions": {"value": expression} if expression else {},
                            "allow_stdin": False}}))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "error":
                    raise AssertionError(f"{student.name}, cell {index}: {content['ename']}: "
                                         f"{content['evalue']}")
                if kind == "execute_reply":
                    assert content["status"] == "ok", content
                    value = content.get("user_expressions", {}).get("value", {})
                    break
    finally:
        ws.close()
    return value and value.get("data", {}).get("text/plain")


def test_two_students_pull_and_run_lessons_on_a_real_hub(hub, lessons_repo):
    started = time.monotonic()
    people = {name: Student(hub, name) for name in STUDENTS}
    for student in people.values():
        student.wait_for_server()
        student.pull(lessons_repo)
    for name, student in people.items():
        for path in WORK[name]:
            language = student.run_notebook(path, "__import__('qcakit').get_language()")
            assert language == repr("zh" if "/zh/" in path else "en"), (path, language)
    one, two = people.values()
    # Each server runs as its own student, with the kit from the read-only shared environment.
    who = run_cells(one, _kernel(one), ["import getpass, qcakit, os"],
                    "(getpass.getuser(), os.access(qcakit.__file__, os.W_OK))")
    assert who == repr((one.name, False))
    # A file one student saves is invisible to the other: through the hub and on disk.
    one.api("PUT", "contents/my_answer.txt", json={"type": "file", "format": "text",
                                                   "content": "my answer"}).raise_for_status()
    assert one.api("GET", "contents/my_answer.txt").ok
    assert two.api("GET", "contents/my_answer.txt", user=one.name).status_code in (403, 404)
    assert two.api("GET", "contents/my_answer.txt").status_code == 404
    home_one = pwd.getpwnam(one.name).pw_dir
    seen = run_cells(two, _kernel(two), [f"try:\n    seen = open({home_one + '/my_answer.txt'!r}).read()\n"
                                         "except PermissionError:\n    seen = 'denied'"], "seen")
    assert seen == repr("denied")
    print(f"hub test: two students, {sum(len(w) for w in WORK.values())} notebooks "
          f"in {time.monotonic() - started:.1f} s")


def _kernel(student):
    r = student.api("POST", "kernels", json={"name": "python3"})
    r.raise_for_status()
    return r.json()["id"]
