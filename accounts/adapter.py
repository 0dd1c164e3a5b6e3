from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme

from core.mail import sender, subject_prefix


def in_language(response, request, language: str):
    """Send ``response`` (a redirect) to the same page in ``language``, and remember it."""
    location = response.get("Location", "")
    if location and url_has_allowed_host_and_scheme(location, {request.get_host()}):
        response["Location"] = translate_url(location, language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=settings.PRODUCTION
    )
    return response


class AccountAdapter(DefaultAccountAdapter):
    # allauth reads its prefix and sender from settings, fixed in French; these follow the
    # language the email is written in.
    def format_email_subject(self, subject: str) -> str:
        return subject_prefix() + subject

    def get_from_email(self):
        return sender()

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        # The profile's language wins over the page they logged in from: someone who reads
        # Arabic and signed in from a French page lands in Arabic.
        if user.preferred_language and response is not None:
            in_language(response, request, user.preferred_language)
        return response
