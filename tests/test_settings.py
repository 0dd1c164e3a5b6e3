import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k" * 20 + "-production-secret-of-sufficient-length-and-variety-9f8e7d",
    "ALLOWED_HOSTS": "carres.example.ma",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/carres_prod_check",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/1",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.ma:587",
    "DEFAULT_FROM_EMAIL": "Carrés des innovateurs <no-reply@carres.example.ma>",
    "SITE_URL": "https://carres.example.ma",
}


def _manage(*args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in PRODUCTION_ENV and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = _manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "Production refuses to start without" in result.stderr
    assert missing in result.stderr


def test_production_settings_pass_the_deployment_checklist_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_demo_data():
    result = _manage("load_demo", env_overrides=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "refused in production" in result.stderr


def test_production_refuses_the_public_demo_password(settings):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from accounts.validators import DEMO_PASSWORD

    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.AUTH_PASSWORD_VALIDATORS[-1]['NAME'])",
        env_overrides=PRODUCTION_ENV,
    )
    assert result.stdout.strip().endswith("accounts.validators.DemoPasswordRefusedInProduction")
    settings.AUTH_PASSWORD_VALIDATORS = [
        {"NAME": "accounts.validators.DemoPasswordRefusedInProduction"}
    ]
    with pytest.raises(ValidationError):
        validate_password(DEMO_PASSWORD)
    validate_password("another-Strong-pass-2026")


@pytest.mark.parametrize(
    ("proxies", "trusted"), [("0", "None"), ("1", "('HTTP_X_FORWARDED_PROTO',")]
)
def test_the_forwarded_protocol_is_trusted_only_behind_a_declared_proxy(proxies, trusted):
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)",
        env_overrides={**PRODUCTION_ENV, "TRUSTED_PROXY_COUNT": proxies},
    )
    assert result.stdout.strip().splitlines()[-1].startswith(trusted), result.stdout + result.stderr
