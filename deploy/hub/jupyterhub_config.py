"""JupyterHub configuration used by tests/test_hub.py: one machine, local Unix accounts, no internet.

The shape of a small classroom hub: every student is a Unix user with a private home, each
single-user server runs as that user (LocalProcessSpawner), and the kit sits read-only in the
shared environment named by QCAKIT_HUB_VENV (made by scripts/ensure-hub). The dummy
authenticator (one shared password) is for the test only; a real class uses TLJH
(deploy/tljh/) or Zero to JupyterHub (deploy/z2jh/) with a real login.

Settings from the environment (the test sets them):
  QCAKIT_HUB_VENV     the hub's Python environment (bin/jupyterhub-singleuser lives there)
  QCAKIT_HUB_STATE    folder for the hub's database, cookie secret and log
  QCAKIT_HUB_PORT     public port on 127.0.0.1 (the API and the proxy's API use the next two)
  QCAKIT_HUB_USERS    comma-separated student accounts (existing Unix users)
  QCAKIT_HUB_PASSWORD the dummy authenticator's shared password
  QCAKIT_HUB_CHP      path of the configurable-http-proxy executable
  QCAKIT_HUB_GIT_CONFIG (optional) git config file for the students (names the test's repository safe)
"""
import os

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

venv = os.environ["QCAKIT_HUB_VENV"]
state = os.environ["QCAKIT_HUB_STATE"]
port = int(os.environ["QCAKIT_HUB_PORT"])

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = port + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
c.ConfigurableHTTPProxy.command = [os.environ["QCAKIT_HUB_CHP"]]
c.JupyterHub.db_url = f"sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{state}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.pid_file = f"{state}/proxy.pid"

c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["QCAKIT_HUB_PASSWORD"]
c.Authenticator.allowed_users = set(os.environ["QCAKIT_HUB_USERS"].split(","))

c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [f"{venv}/bin/jupyterhub-singleuser"]
c.Spawner.notebook_dir = "~"
c.Spawner.start_timeout = 60
c.Spawner.http_timeout = 60
# The kernel is the shared environment's Python; PATH also finds git for nbgitpuller.
c.Spawner.environment = {"PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin"}
# The test's course repository is a local folder owned by root, and git reads a repository owned
# by another user only if a global config names it safe. (A real class pulls from an https URL.)
if os.environ.get("QCAKIT_HUB_GIT_CONFIG"):
    c.Spawner.environment["GIT_CONFIG_GLOBAL"] = os.environ["QCAKIT_HUB_GIT_CONFIG"]
