from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.sharing_cards import sharing_card
from listings import views as listing_views
from website import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
    path("favicon.ico", views.favicon, name="favicon"),
    path("search/", listing_views.search, name="search"),
    path("sharing/<int:page_id>/<slug:version>.png", sharing_card, name="sharing_card"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            views.serve_media,
        ),
    ]

if settings.DEBUG:
    urlpatterns += [
        path("404/", views.page_not_found_preview),
        path("400/", views.bad_request),
        path("403/", views.permission_denied),
        path("500/", views.error_page, {"template_name": "500.html", "status": 500}),
        path("503/", views.service_unavailable),
    ]

urlpatterns += [
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
]

handler400 = "website.views.bad_request"
handler403 = "website.views.permission_denied"
handler404 = "website.views.page_not_found"
handler500 = "website.views.server_error"
