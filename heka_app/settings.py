"""Environment-driven settings (HEKA_*). No reflex import: services and CLI use this too."""

from __future__ import annotations

import dataclasses
import functools
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-insecure-secret-change-me"  # noqa: S105 - refused outside dev below
DEV_OIDC_CLIENT_SECRET = "dev-oidc-secret-not-for-production"  # noqa: S105 - dev provider only


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
    oidc_issuer: str
    oidc_client_id: str
    oidc_client_secret: str
    oidc_identity_claim: str
    oidc_redirect_uri: str
    oidc_client_auth_method: str
    oidc_id_token_algorithms: tuple[str, ...]
    oidc_accepted_acr: tuple[str, ...]
    kiosk_mode: bool
    allow_test_identity_codes: bool

    @property
    def is_dev(self) -> bool:
        """True for development and test environments."""
        return self.env in {"dev", "test"}


def _env_bool(env_map, name: str, default: bool) -> bool:
    raw = env_map.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build settings from the environment, refusing unsafe production values.

    Args:
        environ: Mapping to read instead of ``os.environ`` (for tests).

    Returns:
        The validated settings.

    Raises:
        SettingsError: If the default secret is used outside dev/test.
    """
    env_map = os.environ if environ is None else environ
    get = env_map.get
    env = get("HEKA_ENV", "dev").strip().lower()
    default_db = f"sqlite:///{PROJECT_ROOT / 'heka.db'}"
    settings = Settings(
        env=env,
        database_url=get("HEKA_DATABASE_URL", default_db),
        redis_url=get("HEKA_REDIS_URL", get("REFLEX_REDIS_URL", "")),
        secret_key=get("HEKA_SECRET_KEY", DEV_SECRET),
        public_base_url=get("HEKA_PUBLIC_BASE_URL", "http://localhost:3000").rstrip("/"),
        smtp_host=get("HEKA_SMTP_HOST", "127.0.0.1"),
        smtp_port=int(get("HEKA_SMTP_PORT", "8025")),
        smtp_user=get("HEKA_SMTP_USER", ""),
        smtp_password=get("HEKA_SMTP_PASSWORD", ""),
        smtp_sender=get("HEKA_SMTP_SENDER", "asukassivut@heka.example"),
        oidc_issuer=get("HEKA_OIDC_ISSUER", "http://127.0.0.1:3900"),
        oidc_client_id=get("HEKA_OIDC_CLIENT_ID", "heka-portal"),
        # Dev/test default matches devtools/oidc-provider; production must set its own.
        oidc_client_secret=get(
            "HEKA_OIDC_CLIENT_SECRET",
            DEV_OIDC_CLIENT_SECRET if env in {"dev", "test"} else "",
        ),
        oidc_identity_claim=get("HEKA_OIDC_IDENTITY_CLAIM", "hetu"),
        oidc_redirect_uri=get(
            "HEKA_OIDC_REDIRECT_URI",
            get("HEKA_PUBLIC_BASE_URL", "http://localhost:3000").rstrip("/") + "/register/callback",
        ),
        # client_secret_basic or client_secret_post; FTN's private_key_jwt would be a third.
        oidc_client_auth_method=get("HEKA_OIDC_CLIENT_AUTH_METHOD", "client_secret_basic"),
        # Comma-separated; asymmetric algorithms only (services/auth/tokens.py refuses HS*/none).
        oidc_id_token_algorithms=tuple(
            a.strip() for a in get("HEKA_OIDC_ID_TOKEN_ALGORITHMS", "RS256").split(",") if a.strip()
        ),
        # Assurance levels (acr) accepted when the broker sends one; empty = do not check.
        oidc_accepted_acr=tuple(
            a.strip()
            for a in get(
                "HEKA_OIDC_ACCEPTED_ACR",
                "http://ftn.ficora.fi/2017/loa2,http://ftn.ficora.fi/2017/loa3",
            ).split(",")
            if a.strip()
        ),
        kiosk_mode=_env_bool(env_map, "HEKA_KIOSK_MODE", False),
        allow_test_identity_codes=_env_bool(
            env_map, "HEKA_ALLOW_TEST_IDENTITY_CODES", env != "prod"
        ),
    )
    if not settings.is_dev:
        if settings.secret_key == DEV_SECRET or len(settings.secret_key) < 32:
            raise SettingsError("HEKA_SECRET_KEY must be set to a random value of 32+ characters")
        if settings.allow_test_identity_codes and env == "prod":
            raise SettingsError("Test identity codes (900-999) are not allowed in production")
    return settings


@functools.cache
def get_settings() -> Settings:
    """Settings of this process, read once."""
    return load_settings()
