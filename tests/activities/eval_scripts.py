"""The scripts of eval/activities, loaded by path for the tests (other eval folders have files
with the same names, so a plain import could pick the wrong one)."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

EVAL_ACTIVITIES = Path(__file__).resolve().parents[2] / "eval" / "activities"


def load(name: str) -> ModuleType:
    """eval/activities/<name>.py as a module; its siblings are importable from it."""
    if str(EVAL_ACTIVITIES) not in sys.path:
        sys.path.insert(0, str(EVAL_ACTIVITIES))
    spec = importlib.util.spec_from_file_location(f"activities_{name}", EVAL_ACTIVITIES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass in the script looks its module up there
    spec.loader.exec_module(module)
    return module
