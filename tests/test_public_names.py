"""Every public function and class of the kit can be reached by attribute from ``qcakit``: at the
top level, or through its module when no function of the same name shadows that module
(``qcakit.robustness`` is the function, so ``qcakit.robustness.robustness_fit`` cannot work and
``robustness_fit`` is exported at the top level). The README's map lists where to find what."""
import importlib
import inspect
import pkgutil
from pathlib import Path

import qcakit

MODULES = sorted(m.name for m in pkgutil.walk_packages(qcakit.__path__, "qcakit.")
                 if not any(part.startswith("_") for part in m.name.split(".")))


def _reach(path: str):
    obj = qcakit
    for part in path.split(".")[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def public_objects():
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, obj in vars(module).items():
            if attr.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) == name:
                yield name, attr, obj


def test_every_public_function_is_reachable():
    unreachable = []
    for module_name, attr, obj in public_objects():
        parts = module_name.split(".")
        # the module itself, or a package above it (qcakit.explore.sweep_ranges, qcakit.x)
        homes = [_reach(".".join(parts[:i])) for i in range(len(parts), 0, -1)]
        ok = any(inspect.ismodule(home) and getattr(home, attr, None) is obj for home in homes)
        if not ok:
            unreachable.append(f"{module_name}.{attr}")
    assert not unreachable, unreachable


def test_shadowed_modules_export_their_functions_at_the_top_level():
    shadowed = [name for name in MODULES if name.count(".") == 1
                and not inspect.ismodule(getattr(qcakit, name.split(".")[1], None))]
    assert set(shadowed) >= {"qcakit.robustness", "qcakit.minimize", "qcakit.necessity",
                             "qcakit.suin", "qcakit.skewness", "qcakit.calibrate"}
    for name in shadowed:
        for attr, obj in vars(importlib.import_module(name)).items():
            if not attr.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj)) \
                    and obj.__module__ == name:
                assert getattr(qcakit, attr) is obj, f"{name}.{attr}"


def test_readme_map_names_exist():
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    start = readme.index("## Where to find what")
    section = readme[start:readme.index("\n## ", start + 5)]
    import re
    names = [name for line in section.splitlines() if line.startswith("| ")
             for name in re.findall(r"`([\w.]+)`", line.split("|")[2])]
    assert len(names) > 30
    for name in names:
        assert _reach("qcakit." + name.removesuffix("()")) is not None, name


def test_explorer_uses_no_private_name_of_calibrate():
    source = (Path(qcakit.__file__).parent / "explore" / "calibration.py").read_text()
    assert "_NUMPY_METHODS" not in source
