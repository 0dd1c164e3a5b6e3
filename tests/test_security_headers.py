"""What `check --deploy` does not look at: the policies every public answer carries."""

import json
import re
from pathlib import Path

from tests.test_settings import PRODUCTION_ENV, _manage

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_production_settings_are_https_only_with_hsts_and_strict_policies():
    script = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ['SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_SSL_REDIRECT',"
        " 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'X_FRAME_OPTIONS',"
        " 'SECURE_REFERRER_POLICY', 'SESSION_COOKIE_HTTPONLY', 'DEBUG']}))"
    )
    result = _manage("shell", "-c", script, env_overrides=PRODUCTION_ENV)
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] and values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["DEBUG"] is False


def test_public_pages_carry_a_csp_without_inline_scripts_and_refuse_framing(client, db):
    response = client.get("/fr/privacy/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_our_templates_have_no_inline_script_nor_event_handler():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text):
            offenders.append(f"{template}: inline <script>")
        if re.search(r"\son[a-z]+\s*=\s*[\"']", text):
            offenders.append(f"{template}: on… event attribute")
    assert not offenders, offenders
