"""Environment-driven settings (HEKA_*). No reflex import: services and CLI use this too."""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Mapping
from pathlib import Path

from heka_app import routes

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-insecure-secret-change-me"  # noqa: S105 - refused outside dev below
DEV_OIDC_CLIENT_SECRET = "dev-oidc-secret-not-for-production"  # noqa: S105 - dev provider only
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


class SettingsError(RuntimeError):
    """Raised when the configuration is unsafe or incomplete."""


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything the portal reads from its environment."""

    env: str
    database_url: str
    redis_url: str
    secret_key: str
    public_base_url: str
    smtp_host: str
    smtp_port: int
    smtp_user: str
    smtp_password: str
    smtp_sender: str
    smtp_starttls: bool
    dev_mail_outbox: bool
    oidc_issuer: str
    oidc_client_id: str
    oidc_client_secret: str
    oidc_identity_claim: str
    oidc_redirect_uri: str
    oidc_client_auth_method: str
    oidc_id_token_algorithms: tuple[str, ...]
    oidc_accepted_acr: tuple[str, ...]
    kiosk_mode: bool
    kiosk_demo: bool  # demo data for visitors, reset nightly (heka_app/demo/reset.py)
    trusted_proxy_hops: int  # reverse proxies in front of the workers (X-Forwarded-For)
    trusted_proxies: tuple[str, ...]  # addresses/networks those proxies connect from
    allow_test_identity_codes: bool
    log_level: str
    clock_start: str  # dev/test only: services/common/clock.py's pinned start
    clock_set_at: str
    # Fault photos etc.: outside the web root, served only through a session-checked route.
    upload_dir: str = ""

    @property
    def is_dev(self) -> bool:
        """True for development and test environments."""
        return self.env in {"dev", "test"}


def _env_bool(env_map: Mapping[str, str], name: str, default: bool) -> bool:
    """The one boolean parser: 1/true/yes/on (any case) is true; unset gives ``default``."""
    raw = env_map.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(env_map: Mapping[str, str], name: str, default: int) -> int:
    raw = env_map.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise SettingsError(f"{name} must be a whole number")
    return int(raw)


def _env_list(env_map: Mapping[str, str], name: str, default: str) -> tuple[str, ...]:
    """A comma-separated value as a tuple of its non-empty, stripped items."""
    return tuple(item.strip() for item in env_map.get(name, default).split(",") if item.strip())


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from the environment, refusing unsafe production values.

    Args:
        environ: Mapping to read instead of ``os.environ`` (for tests).

    Returns:
        The validated settings.

    Raises:
        SettingsError: If the default secret is used outside dev/test, test identity
            codes are allowed in production or the log level is unknown.
    """
    env_map = os.environ if environ is None else environ
    get = env_map.get
    env = get("HEKA_ENV", "dev").strip().lower()
    default_db = f"sqlite:///{PROJECT_ROOT / 'heka.db'}"
    public_base_url = get("HEKA_PUBLIC_BASE_URL", "http://localhost:3000").rstrip("/")
    settings = Settings(
        env=env,
        database_url=get("HEKA_DATABASE_URL", default_db),
        redis_url=get("HEKA_REDIS_URL", get("REFLEX_REDIS_URL", "")),
        secret_key=get("HEKA_SECRET_KEY", DEV_SECRET),
        public_base_url=public_base_url,
        smtp_host=get("HEKA_SMTP_HOST", "127.0.0.1"),
        smtp_port=int(get("HEKA_SMTP_PORT", "8025")),
        smtp_user=get("HEKA_SMTP_USER", ""),
        smtp_password=get("HEKA_SMTP_PASSWORD", ""),
        smtp_sender=get("HEKA_SMTP_SENDER", "asukassivut@heka.example"),
        # Off by default for the local test server; credentials need it outside dev/test.
        smtp_starttls=_env_bool(env_map, "HEKA_SMTP_STARTTLS", False),
        # Development without a configured mail server writes mails as files (dev_mail/).
        dev_mail_outbox=env == "dev" and not get("HEKA_SMTP_HOST"),
        oidc_issuer=get("HEKA_OIDC_ISSUER", "http://127.0.0.1:3900"),
        oidc_client_id=get("HEKA_OIDC_CLIENT_ID", "heka-portal"),
        # Dev/test default matches devtools/oidc-provider; production must set its own.
        oidc_client_secret=get(
            "HEKA_OIDC_CLIENT_SECRET",
            DEV_OIDC_CLIENT_SECRET if env in {"dev", "test"} else "",
        ),
        oidc_identity_claim=get("HEKA_OIDC_IDENTITY_CLAIM", "hetu"),
        oidc_redirect_uri=get("HEKA_OIDC_REDIRECT_URI", public_base_url + routes.REGISTER_CALLBACK),
        # client_secret_basic or client_secret_post; FTN's private_key_jwt would be a third.
        oidc_client_auth_method=get("HEKA_OIDC_CLIENT_AUTH_METHOD", "client_secret_basic"),
        # Comma-separated; asymmetric algorithms only (services/auth/tokens.py refuses HS*/none).
        oidc_id_token_algorithms=_env_list(env_map, "HEKA_OIDC_ID_TOKEN_ALGORITHMS", "RS256"),
        # Assurance levels (acr) accepted when the broker sends one; empty = do not check.
        oidc_accepted_acr=_env_list(
            env_map,
            "HEKA_OIDC_ACCEPTED_ACR",
            "http://ftn.ficora.fi/2017/loa2,http://ftn.ficora.fi/2017/loa3",
        ),
        kiosk_mode=_env_bool(env_map, "HEKA_KIOSK_MODE", False),
        kiosk_demo=_env_bool(env_map, "HEKA_KIOSK_DEMO", False),
        # Production runs behind one reverse proxy (deploy/Caddyfile): without this every
        # client would share the proxy's address and one address lock would lock everyone.
        trusted_proxy_hops=_env_int(
            env_map, "HEKA_TRUSTED_PROXY_HOPS", 0 if env in {"dev", "test"} else 1
        ),
        trusted_proxies=_env_list(env_map, "HEKA_TRUSTED_PROXIES", "127.0.0.1,::1"),
        allow_test_identity_codes=_env_bool(
            env_map, "HEKA_ALLOW_TEST_IDENTITY_CODES", env != "prod"
        ),
        # Root level of logging_config.py; the security log stays at INFO regardless.
        log_level=get("HEKA_LOG_LEVEL", "INFO").strip().upper(),
        clock_start=get("HEKA_CLOCK_START", "").strip(),
        clock_set_at=get("HEKA_CLOCK_SET_AT", "").strip(),
        upload_dir=get("HEKA_UPLOAD_DIR", str(PROJECT_ROOT / "private_uploads")),
    )
    if not 0 <= settings.trusted_proxy_hops <= 5:
        raise SettingsError("HEKA_TRUSTED_PROXY_HOPS must be 0-5")
    if settings.log_level not in LOG_LEVELS:
        raise SettingsError(f"HEKA_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    if not settings.is_dev:
        if settings.secret_key == DEV_SECRET or len(settings.secret_key) < 32:
            raise SettingsError("HEKA_SECRET_KEY must be set to a random value of 32+ characters")
        if settings.allow_test_identity_codes and env == "prod":
            raise SettingsError("Test identity codes (900-999) are not allowed in production")
        # The test clock (services/common/clock.py) would move every date the app decides by.
        if settings.clock_start:
            raise SettingsError("HEKA_CLOCK_START (test clock) is only for dev/test")
    return settings


@functools.cache
def get_settings() -> Settings:
    """Settings of this process, read once."""
    return load_settings()
