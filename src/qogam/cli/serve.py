"""`qogam serve [--host H] [--port P]` — apply migrations, then serve the web app with waitress."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("serve", help="запустить веб-приложение / start the web app",
                       description="Применяет миграции базы данных и запускает веб-приложение (WSGI-сервер waitress).")
    p.add_argument("--host", default="127.0.0.1", help="адрес (по умолчанию 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="порт (по умолчанию 8000)")
    p.add_argument("--threads", type=int, default=8, help="потоков обработки запросов (по умолчанию 8)")
    return p


def run(args: argparse.Namespace) -> int:
    from qogam.web import bootstrap

    bootstrap.setup()
    bootstrap.migrate()
    import waitress
    from django.conf import settings

    from qogam.web.wsgi import application

    print(f"qogam: база {bootstrap.database_label()}", file=sys.stderr)
    print(f"qogam: http://{args.host}:{args.port}/  (остановить — Ctrl+C)", file=sys.stderr)
    try:
        waitress.serve(
            application, host=args.host, port=args.port, threads=args.threads,
            max_request_body_size=settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024 * 1024 * 300,
            ident="qogam", clear_untrusted_proxy_headers=True,
        )
    except OSError as exc:
        print(f"qogam serve: cannot listen on {args.host}:{args.port} ({exc.strerror})", file=sys.stderr)
        return 2
    return 0
