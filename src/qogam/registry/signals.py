"""Keep cached counts honest when an organisation is saved or deleted one at a time (shell, admin).

Bulk writers (importers, the demo) bump the data version themselves once they finish.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Organization


@receiver(post_save, sender=Organization)
@receiver(post_delete, sender=Organization)
def organization_changed(sender, **kwargs) -> None:
    from .search import bump_data_version

    bump_data_version()
