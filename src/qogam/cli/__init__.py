"""`qogam ...`: one entry point; each sub-command lives in its own module here.

A command module defines ``add_parser(subparsers)`` and ``run(args) -> int``.
Heavy imports happen inside ``run`` so that ``qogam --help`` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Module names under qogam.cli, in the order ``qogam --help`` lists them.
COMMANDS = [
    "check",
    "check_batch",
    "classify",
    "read",
    "geo",
    "serve", "demo", "import_cmd",
    "census",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qogam",
        description="qogam — проверка уставов НПО, классификатор деятельности, реестр и перепись НПО Казахстана.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"qogam.cli.{name}")
        command = module.add_parser(sub)
        command.set_defaults(_run=module.run)
    return parser


def _version() -> str:
    from qogam import __version__

    return f"qogam {__version__}"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return args._run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last guard: a person gets a sentence, not a traceback
        if os.environ.get("QOGAM_DEBUG"):
            raise
        print(
            f"qogam: внутренняя ошибка ({type(exc).__name__}: {exc}). "
            "Повторите с QOGAM_DEBUG=1, чтобы увидеть подробности, и сообщите о ней разработчикам.",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":
    sys.exit(main())
