"""Understanding a charter: Document -> Charter (legal form, names, status, sections, goals,
bodies, territory …). No Django here.

    from qogam.charter import parse_charter
    charter = parse_charter(document)
"""

from .model import Body, Charter, Clause, Section, Territory
from .parse import parse_charter

__all__ = ["Body", "Charter", "Clause", "Section", "Territory", "parse_charter"]
