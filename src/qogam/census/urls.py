from django.urls import path

from . import views

app_name = "census"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("region/<str:kato>/", views.region, name="region"),
    path("orgs/", views.organizations, name="list"),
    path("definitions/", views.definitions_page, name="definitions"),
    path("candidates/", views.candidates_page, name="candidates"),
    path("org/<str:bin>/", views.organization, name="org"),
    path("data.json", views.data, name="data"),
]
