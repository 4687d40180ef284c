"""`qogam serve` for real: migrations on start, pages from waitress, a 200 MB upload refused cleanly."""

import http.client
import os
import socket
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = {**os.environ, "QOGAM_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
           "QOGAM_VAR_DIR": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "qogam", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stdout.read().decode())
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=20)


def _get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode()


def test_serve_applies_migrations_and_serves_pages(server):
    status, html = _get(server, "/")
    assert status == 200 and "Реестр пуст" in html
    status, css = _get(server, "/static/qogam/style.css")
    assert status == 200 and "--brand" in css


def test_a_200_megabyte_upload_gets_a_clear_refusal(server):
    size = 200 * 1024 * 1024
    block = b"\0" * (1024 * 1024)

    def body():
        for _ in range(size // len(block)):
            yield block

    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=120)
    connection.request("POST", "/check/", body=body(), headers={
        "Content-Type": "multipart/form-data; boundary=qogam", "Content-Length": str(size)})
    response = connection.getresponse()
    text = response.read().decode()
    assert response.status == 413
    assert "Файл слишком большой (200 МБ); предел — 20 МБ" in text
    status, _html = _get(server, "/")
    assert status == 200  # the server is still there
