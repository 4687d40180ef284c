"""The registry of non-commercial organisations (Django app).

Organisations with field-level provenance, their charters, yearly filings to the
NGO database and signals (status, head, charter changes, grants); importers,
search and the demo generator. Pure helpers (``identifiers``, ``textnorm``,
``reference``) import no Django.
"""
