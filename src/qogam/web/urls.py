from django.contrib import admin
from django.urls import include, path

from .api import api
from .views import check, pages, profile, search, vendor

urlpatterns = [
    path("", pages.home, name="home"),
    path("about/", pages.about, name="about"),
    path("search/", search.search_page, name="search"),
    path("search/export.<str:fmt>", search.export, name="export"),
    path("org/<str:bin>/", profile.organization, name="organization"),
    path("check/", check.check, name="check"),
    path("check/download/", check.download, name="check-download"),
    path("vendor/plotly.min.js", vendor.plotly_js, name="plotly-js"),
    path("census/", include("qogam.census.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "qogam.web.views.pages.not_found"
handler500 = "qogam.web.views.pages.server_error"
