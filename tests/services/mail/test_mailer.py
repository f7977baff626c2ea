"""Mail: templates in three languages, delivery to a real in-process SMTP server (plain and
STARTTLS with login), and the dev outbox that writes .eml files."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import logging
import socket
import ssl

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from heka_app.i18n import catalogs
from heka_app.services.common.clock import system_utcnow
from heka_app.services.mail import sender as mailer
from heka_app.services.mail import templates as mt
from heka_app.settings import load_settings

LINK = "http://localhost:3000/verify-email?token=eyJhbGciOiJIUzI1NiJ9.abc.def"


class Collector:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def parsed(self):
        return [
            email.message_from_bytes(e.original_content, policy=email.policy.default)
            for e in self.envelopes
        ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield handler, controller.port
    controller.stop()


def _smtp_settings(port: int, **extra):
    env = {"HEKA_ENV": "test", "HEKA_SMTP_HOST": "127.0.0.1", "HEKA_SMTP_PORT": str(port)}
    return load_settings({**env, **extra})


def test_verify_mail_arrives_with_the_link_in_the_recipients_language(smtp_server, monkeypatch):
    handler, port = smtp_server
    real = catalogs.translations
    finnish = {mt.VERIFY_SUBJECT: "Vahvista sähköpostiosoitteesi - Hekan asukassivut"}
    monkeypatch.setattr(
        catalogs, "translations", lambda lang: {**real(lang), **(finnish if lang == "fi" else {})}
    )
    mail = mt.verify_email_mail("aino@example.com", LINK, "fi")
    assert mailer.send_mail(mail, _smtp_settings(port)) is None
    (received,) = handler.parsed()
    assert handler.envelopes[0].rcpt_tos == ["aino@example.com"]
    assert received["Subject"] == "Vahvista sähköpostiosoitteesi - Hekan asukassivut"
    assert received["Content-Language"] == "fi"
    assert received["From"] == "asukassivut@heka.example"
    body = received.get_content()
    assert LINK in body
    assert "Hekan asukassivut" in body  # the footer comes from the real Finnish catalog


@pytest.mark.parametrize("language", ["fi", "sv", "en", "xx"])
def test_every_template_is_built_in_each_language(language):
    expected = "fi" if language == "xx" else language
    mails = [
        mt.verify_email_mail("a@example.com", LINK, language),
        mt.reset_password_mail("a@example.com", LINK, language),
        mt.email_changed_notice_mail("old@example.com", "newname@example.org", language),
        mt.password_changed_mail("a@example.com", language),
    ]
    for mail in mails:
        assert mail.language == expected
        assert mail.subject and mail.text_body.endswith("\n")
        assert catalogs.gettext(expected, mt.SIGNATURE) in mail.text_body
    assert LINK in mails[0].text_body and LINK in mails[1].text_body
    assert "48 h" in mails[0].text_body and "1 h" in mails[1].text_body
    assert mails[2].to == "old@example.com"
    assert "n***@example.org" in mails[2].text_body and "newname" not in mails[2].text_body
    assert [m.subject for m in mails] == [
        catalogs.gettext(expected, msgid)
        for msgid in (
            mt.VERIFY_SUBJECT,
            mt.RESET_SUBJECT,
            mt.EMAIL_CHANGED_SUBJECT,
            mt.PASSWORD_CHANGED_SUBJECT,
        )
    ]


def _self_signed(tmp_path):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = system_utcnow()  # OpenSSL checks the certificate against the machine's clock
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def test_starttls_and_login_when_configured(tmp_path, monkeypatch):
    cert_path, key_path = _self_signed(tmp_path)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert_path, key_path)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.password == b"s3cret-pass"
        logins.append((auth_data.login, session.ssl is not None))
        return AuthResult(success=ok)

    handler = Collector()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=server_tls,
        require_starttls=True,
        authenticator=authenticator,
        auth_require_tls=True,
    )
    controller.start()
    try:
        # Trust our test certificate; everything else is the production TLS path.
        real_context = ssl.create_default_context
        monkeypatch.setattr(
            mailer.ssl, "create_default_context", lambda: real_context(cafile=str(cert_path))
        )
        settings = _smtp_settings(
            controller.port,
            HEKA_SMTP_USER="heka",
            HEKA_SMTP_PASSWORD="s3cret-pass",
            HEKA_SMTP_STARTTLS="true",
        )
        mailer.send_mail(mt.password_changed_mail("aino@example.com", "sv"), settings)
    finally:
        controller.stop()
    assert logins == [(b"heka", True)]
    (received,) = handler.parsed()
    assert received["Subject"] == catalogs.gettext("sv", mt.PASSWORD_CHANGED_SUBJECT)


def test_credentials_are_not_sent_in_clear_outside_dev():
    settings = load_settings(
        {"HEKA_ENV": "staging", "HEKA_SECRET_KEY": "k" * 40, "HEKA_SMTP_USER": "heka"}
    )
    with pytest.raises(mailer.MailError, match="STARTTLS"):
        mailer.send_mail(mt.password_changed_mail("a@example.com", "fi"), settings)


def test_unreachable_server_is_a_mail_error():
    with pytest.raises(mailer.MailError):
        mailer.send_mail(
            mt.password_changed_mail("a@example.com", "fi"), _smtp_settings(_free_port())
        )


def test_header_injection_is_refused():
    bad = mailer.OutgoingMail("a@example.com\r\nBcc: x@evil.example", "Hi", "body", "en")
    with pytest.raises(mailer.MailError):
        mailer.send_mail(bad, load_settings({"HEKA_ENV": "test"}))


def test_dev_outbox_writes_an_eml_file_and_logs_its_path(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="heka.mail")
    settings = load_settings({"HEKA_ENV": "dev"})
    assert mailer.uses_dev_outbox(settings)
    outbox = tmp_path / "dev_mail"
    path = mailer.send_mail(
        mt.verify_email_mail("aino@example.com", LINK, "en"), settings, dev_mail_dir=outbox
    )
    assert path is not None and path.parent == outbox and path.suffix == ".eml"
    assert "aino" not in path.name
    saved = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert saved["To"] == "aino@example.com"
    assert saved["Subject"] == mt.VERIFY_SUBJECT
    assert LINK in saved.get_content()
    assert str(path) in caplog.text


def test_dev_with_an_smtp_host_set_uses_smtp():
    dev_with_host = {"HEKA_ENV": "dev", "HEKA_SMTP_HOST": "127.0.0.1"}
    assert not mailer.uses_dev_outbox(load_settings(dev_with_host))
    assert not mailer.uses_dev_outbox(load_settings({"HEKA_ENV": "test"}))
