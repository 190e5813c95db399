"""Build hook: a wheel (``pip install .``, ``pip wheel .``) carries the app's resources —
icons, templates and the compiled translations — inside the package as
``desk_crm/resources/``, where ``desk_crm.paths.resources_dir()`` finds them. Everything
else about the project is in pyproject.toml."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# README screenshots are documentation, not something the app reads.
LEFT_OUT = ("screenshots",)


def _qm_writer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("qm_file", ROOT / "tools" / "qm_file.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads resources/ in the tree
            return
        target = Path(self.build_lib) / "desk_crm" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources", target,
                        ignore=shutil.ignore_patterns(*LEFT_OUT, "*.qm", "*.ts"))
        writer = _qm_writer()
        for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
            writer.write_qm(ts, target / "translations" / ts.with_suffix(".qm").name)


setup(cmdclass={"build_py": BuildWithResources})
