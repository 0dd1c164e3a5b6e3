from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.sitemap import AllLanguagesSitemap

from . import views

# Django's admin login checks a password only: send it through allauth (MFA, rate limits).
admin.site.login = secure_admin_login(admin.site.login)
# Its password change had no rate limit: every password check goes through allauth's, which
# has one (5 a minute per user).
admin.site.password_change = views.password_change_through_allauth

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    path("bench/bare", cms_views.bare, name="bench_bare"),
    path("i18n/setlang/", set_language, name="set_language"),
    # Before Wagtail's own: its login form would skip the second factor and the rate limits.
    path("cms-admin/login/", views.login_through_allauth, name="cms_admin_login"),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("hubs/", include("hubs.urls")),
    path("filings/", include("filings.urls")),
    path("site/", include("cms.urls")),
    path("_util/login/", views.login_through_allauth, name="site_login"),
    # Same pattern and view as Wagtail's "wagtail_serve" (which reverse() still finds),
    # routed faster; Wagtail's other URLs follow.
    re_path(wagtail_urls.serve_pattern, cms_views.serve_page),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "config.views.server_error"
