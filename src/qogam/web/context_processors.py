"""What every page needs: whether demo data is loaded (for the banner)."""

from __future__ import annotations

from django.db import DatabaseError


def demo_info() -> dict | None:
    """The demo marker row (one primary-key lookup per page, so the banner is never stale)."""
    from qogam.registry.models import RegistrySetting

    try:
        return RegistrySetting.get(RegistrySetting.DEMO)
    except DatabaseError:  # tables not created yet
        return None


def site(request) -> dict:
    from django.conf import settings

    # Each language named in itself (Django's own tag would translate the names).
    return {"demo": demo_info(), "language_choices": settings.LANGUAGES}
