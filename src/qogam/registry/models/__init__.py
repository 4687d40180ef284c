"""Registry models, one module per kind of record."""

from .audit import AuditEntry
from .charter import CharterVersion
from .filing import Filing
from .imports import ImportRun
from .organization import Organization, OrganizationActivity
from .signal import Signal
from .sources import DataSource, RegistrySetting

__all__ = [
    "AuditEntry",
    "CharterVersion",
    "DataSource",
    "Filing",
    "ImportRun",
    "Organization",
    "OrganizationActivity",
    "RegistrySetting",
    "Signal",
]
