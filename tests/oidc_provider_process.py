"""Run the development OpenID Provider (devtools/oidc-provider) for tests and e2e runs."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

PROVIDER_DIR = Path(__file__).resolve().parent.parent / "devtools" / "oidc-provider"
CLIENT_SECRET = "dev-oidc-secret-not-for-production"
STARTUP_TIMEOUT_SECONDS = 20.0
START_ATTEMPTS = 3


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def ensure_node_modules() -> None:
    """Install the provider's locked packages (``npm ci``) if they are missing."""
    if (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("npm is needed to install devtools/oidc-provider")
    subprocess.run(
        [npm, "ci", "--silent", "--no-audit", "--no-fund", "--prefix", str(PROVIDER_DIR)],
        check=True,
        timeout=300,
    )


@contextlib.contextmanager
def running_oidc_provider(
    port: int | None = None,
    redirect_uris: list[str] | None = None,
    *,
    client_secret: str = CLIENT_SECRET,
    identity_claim: str = "hetu",
    allow_any_loopback_port: bool = False,
) -> Iterator[str]:
    """Start the dev provider in a subprocess and yield its issuer URL; stop it at exit.

    Args:
        port: Port on 127.0.0.1; a free one when None.
        redirect_uris: The client's allowed redirect URIs (the provider's defaults if None).
        client_secret: The ``heka-portal`` client's secret.
        identity_claim: Claim name carrying the identity code.
        allow_any_loopback_port: Accept a registered redirect URI's path on any port of
            127.0.0.1/localhost (for apps whose port is only known later).

    Yields:
        The issuer, e.g. ``http://127.0.0.1:39123``.
    """
    ensure_node_modules()
    fixed_port = port
    node = shutil.which("node") or "node"
    # Output goes to a file, not a pipe: a pipe nobody reads would block the provider.
    with tempfile.TemporaryFile(mode="w+", prefix="oidc-provider-") as log:
        for attempt in range(1, START_ATTEMPTS + 1):
            port = fixed_port or free_port()
            env = {
                **os.environ,
                "OIDC_PORT": str(port),
                "OIDC_CLIENT_SECRET": client_secret,
                "OIDC_IDENTITY_CLAIM": identity_claim,
                "OIDC_ALLOW_ANY_LOOPBACK_PORT": "1" if allow_any_loopback_port else "0",
            }
            if redirect_uris:
                env["OIDC_REDIRECT_URIS"] = ",".join(redirect_uris)
            issuer = f"http://127.0.0.1:{port}"
            proc = subprocess.Popen(
                [node, str(PROVIDER_DIR / "provider.mjs")], env=env, stdout=log, stderr=log
            )
            try:
                _wait_ready(proc, issuer, log)
                break
            except RuntimeError:
                # A start that hangs (seen rarely on a loaded CI machine) gets a fresh try.
                _stop(proc)
                if attempt == START_ATTEMPTS:
                    raise
        try:
            yield issuer
        finally:
            _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def _wait_ready(proc: subprocess.Popen, issuer: str, log) -> None:
    # Poll discovery rather than parse stdout: ready means it answers HTTP.
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    url = f"{issuer}/.well-known/openid-configuration"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"oidc-provider exited ({proc.returncode}): {log.read()[-2000:]}")
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    log.seek(0)
    raise RuntimeError(f"oidc-provider did not answer at {url}: {log.read()[-2000:]}")
