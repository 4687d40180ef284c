"""Screenshots of the main pages, for the documentation (docs/screenshots/*.png).

    .venv/bin/python docs/screenshots/make_screenshots.py [--size 25000]

Loads the demo registry into a temporary SQLite database, starts `qogam serve` on a free
port and photographs the pages in headless Chromium (Debian's /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "src" / "qogam" / "samples" / "sample_charter.docx"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=25_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qogam-shots-"))
    env = {**os.environ, "QOGAM_DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}", "QOGAM_VAR_DIR": str(work)}
    subprocess.run([sys.executable, "-m", "qogam", "demo", "--size", str(args.size), "--quiet"], env=env, check=True)
    subprocess.run([sys.executable, "-m", "qogam", "census", "recompute"], env=env, check=True)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "qogam", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        shoot(base)
    finally:
        server.terminate()
        server.wait(timeout=20)


def shoot(base: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def save(name: str, full: bool = False) -> None:
            page.screenshot(path=str(HERE / f"{name}.png"), full_page=full)
            print(f"docs/screenshots/{name}.png")

        page.goto(base + "/")
        save("home")
        page.goto(base + "/search/?q=центр+поддержки&register_status=registered")
        save("search")
        page.goto(base + "/search/?q=Мейирим&legal_form=public_fund&register_status=registered&sort=registered")
        page.locator(".result h3 a").first.click()
        page.wait_for_load_state()
        page.wait_for_timeout(1500)  # plotly draws the chart
        save("organization", full=True)
        if SAMPLE.exists():
            page.goto(base + "/check/")
            page.set_input_files("#charter-file", str(SAMPLE))
            page.get_by_role("button", name="Проверить устав").click()
            page.wait_for_load_state()
            save("check-result")
        page.goto(base + "/census/")
        save("census", full=True)
        page.goto(base + "/search/?region=750000000")
        page.get_by_role("button", name="Қазақша").click()
        page.wait_for_load_state()
        save("search-kk")
        browser.close()


if __name__ == "__main__":
    main()
