from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "qogam.registry"
    label = "registry"
    verbose_name = "Реестр НПО"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)
