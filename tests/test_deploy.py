"""deploy/ in step with the package: the same versions everywhere, files that parse, README that names them."""
import json
import os
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pins(text):
    """{'nbgitpuller': '==1.3.0', ...} from lines or words like 'nbgitpuller==1.3.0'."""
    return {m[0].lower(): m[1] for m in re.findall(r"\b([A-Za-z][\w.\-]*)\s*((?:==|>=)[\w.]+)", text)}


def ensure_hub_pins():
    text = (ROOT / "scripts" / "ensure-hub").read_text()
    return pins(re.search(r'^HUB_PACKAGES="([^"]+)"', text, flags=re.M).group(1))


def test_every_deployment_names_the_kits_version():
    version = PROJECT["version"]
    tljh = pins((DEPLOY / "tljh" / "requirements.txt").read_text())
    values = yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text())
    build = (DEPLOY / "image" / "build-image").read_text()
    assert tljh["qcakit"] == f"=={version}"
    assert values["singleuser"]["image"]["tag"] == version
    assert f"qcakit-singleuser:{version}" in build
    assert values["singleuser"]["image"]["name"] == "qcakit-singleuser"


def test_nbgitpuller_and_jupyterlab_versions_agree_with_the_tested_hub_and_pyproject():
    tested = ensure_hub_pins()
    tljh = pins((DEPLOY / "tljh" / "requirements.txt").read_text())
    appendix = pins((DEPLOY / "image" / "appendix.Dockerfile").read_text())
    assert tljh["nbgitpuller"] == appendix["nbgitpuller"] == tested["nbgitpuller"]
    lab = pins(" ".join(PROJECT["optional-dependencies"]["lab"]))
    assert tljh["jupyterlab"] == lab["jupyterlab"]


def test_the_image_is_built_from_the_repositorys_environment_yml():
    env = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+- pip:\s*\n\s+- \.\s*$", env, flags=re.M), "environment.yml must install the kit"
    assert re.search(r"repo2docker .* \.\s*$", (DEPLOY / "image" / "build-image").read_text(), flags=re.S)


def test_tljh_config_sizes_a_class_of_thirty():
    config = yaml.safe_load((DEPLOY / "tljh" / "config.yaml").read_text())
    assert config["limits"] == {"memory": "1G", "cpu": 1}
    assert config["user_environment"]["default_app"] == "jupyterlab"
    assert config["services"]["cull"]["enabled"] is True


def test_z2jh_values_limit_each_student_and_cull_idle_servers():
    values = yaml.safe_load((DEPLOY / "z2jh" / "values.yaml").read_text())
    assert values["singleuser"]["memory"]["limit"] == "1G"
    assert values["cull"]["enabled"] is True


def test_the_test_hub_config_is_a_local_classroom_hub(monkeypatch):
    env = {"QCAKIT_HUB_VENV": "/venv", "QCAKIT_HUB_STATE": "/state", "QCAKIT_HUB_PORT": "20000",
           "QCAKIT_HUB_USERS": "a,b", "QCAKIT_HUB_PASSWORD": "pw", "QCAKIT_HUB_CHP": "/chp"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    c = Config()
    source = (DEPLOY / "hub" / "jupyterhub_config.py").read_text()
    exec(compile(source, "jupyterhub_config.py", "exec"), {"get_config": lambda: c})
    assert c.JupyterHub.ip == "127.0.0.1" and c.JupyterHub.port == 20000
    assert c.JupyterHub.spawner_class == "localprocess"
    assert c.Authenticator.allowed_users == {"a", "b"}
    assert c.Spawner.cmd == ["/venv/bin/jupyterhub-singleuser"]


def readme_deployment_section():
    text = (ROOT / "README.md").read_text()
    return re.search(r"^## Deployment\n(.*?)(?=^## )", text, flags=re.M | re.S).group(1)


def test_readme_deployment_section_walks_through_every_deploy_file():
    section = readme_deployment_section()
    named = set(re.findall(r"deploy/[\w./\-]+[\w]", section))
    files = {str(p.relative_to(ROOT)) for p in DEPLOY.rglob("*") if p.is_file()}
    assert named <= files | {str(p.relative_to(ROOT)) for p in DEPLOY.rglob("*") if p.is_dir()}, named - files
    assert files <= named, f"README's Deployment section does not mention {sorted(files - named)}"


def test_the_kernel_only_environment_has_the_kit_but_no_jupyter_server():
    spec = ROOT / os.environ.get("VENV", ".venv") / "share/jupyter/kernels/qcakit-kernel-only/kernel.json"
    if not spec.exists():
        pytest.skip("kernel qcakit-kernel-only not registered: run scripts/ensure-hub (make test does)")
    python = json.loads(spec.read_text())["argv"][0]
    probe = ("import importlib.util as u; "
             "print([m for m in ('qcakit', 'ipykernel', 'jinja2', 'jupyterlab', 'jupyter_server', "
             "'notebook') if u.find_spec(m)])")
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "['qcakit', 'ipykernel', 'jinja2']"
