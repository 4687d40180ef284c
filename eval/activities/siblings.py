"""This folder's evaluate.py, loaded by its path: other eval folders have an ``evaluate.py`` too,
so a plain ``import evaluate`` can pick the wrong one."""

import importlib.util
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def load_evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("qogam_eval_activities_evaluate", HERE / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
