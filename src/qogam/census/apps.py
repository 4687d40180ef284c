from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CensusConfig(AppConfig):
    name = "qogam.census"
    label = "census"
    verbose_name = _("Census")
    default_auto_field = "django.db.models.BigAutoField"
