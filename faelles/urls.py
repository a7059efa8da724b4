"""URL layout: global pages at the root, everything of a municipality under /<slug>/.

The slug is consumed by MunicipalityMiddleware, which sets request.municipality;
tenant views therefore never see it as an argument.
"""

import re

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from faelles.accounts import oidc as account_oidc
from faelles.accounts import urls as account_urls
from faelles.accounts import views as account_views
from faelles.core import views as core_views
from faelles.municipalities import views as municipality_views

tenant_patterns = [
    path("", include("faelles.municipalities.urls")),
    path("personer/", include((account_urls.tenant_urlpatterns, "people"))),
    path("organisationer/", include("faelles.organisations.urls")),
    path("ressourcer/", include("faelles.resources.urls")),
    path("initiativer/", include("faelles.initiatives.urls")),
    path("faellesskaber/", include("faelles.communities.urls")),
    path("bevaegelser/", include("faelles.communities.movement_urls")),
    path("arrangementer/", include("faelles.events.urls")),
    path("borgerbudget/", include("faelles.budgeting.urls")),
    path("opgaveudvalg/", include("faelles.committees.urls")),
    path("sprogtjek/", include("faelles.sprogtjek.urls")),
    path("paradigme/", include("faelles.paradigm.urls")),
    path("refleksion/", include("faelles.reflection.urls")),
    path("leder/", include("faelles.leadership.urls")),
    path("hoeringer/", include("faelles.dialogue.urls")),
    path("meningskort/", include("faelles.opinions.urls")),
    path("status/", include("faelles.status.urls")),
    path("indsigt/", include("faelles.insight.urls")),
    path("fejring/", include("faelles.recognition.urls")),
    path("teams/", include("faelles.teams.urls")),
    path("arbejde/", include("faelles.workplace.urls")),
    path("kompetencer/", include("faelles.competences.urls")),
    path("puls/", include("faelles.pulse.urls")),
]

urlpatterns = [
    path("", municipality_views.front_page, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("om/privatliv/", core_views.privacy, name="privacy"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    # allauth's OpenID Connect callback with Fælles' addition (keeps the ID token
    # for logging out at the provider too); before allauth's own at this address.
    path(
        "accounts/oidc/<str:provider_id>/login/callback/",
        account_oidc.callback,
        name="openid_connect_callback",
    ),
    path("accounts/", include("allauth.urls")),
    path("me/beskeder/", include("faelles.notifications.urls")),
    path("me/", include("faelles.accounts.urls")),
    path("django-admin/", admin.site.urls),
    path("api/", include("faelles.api.urls")),
    path("<slug:municipality_slug>/", include(tenant_patterns)),
]

if settings.FAELLES_SERVE_MEDIA:
    # Public uploads (logos, photos) in the embedded set-up, DEBUG or not.
    prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns = [
        re_path(
            rf"^{re.escape(prefix)}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
        *urlpatterns,
    ]

handler400 = "faelles.core.views.bad_request"
handler403 = "faelles.core.views.permission_denied"
handler404 = "faelles.core.views.page_not_found"
handler500 = "faelles.core.views.server_error"
