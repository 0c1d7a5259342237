"""Find quotations and reported speech in article text, and who said them.

Plain Python with no Django imports, so it runs without settings, in a worker or a script.
``extract`` is the whole interface; the other modules are its parts.
"""

from statements.extraction.extractor import extract
from statements.extraction.schema import Candidate, KnownOrganization, KnownPerson

__all__ = ["Candidate", "KnownOrganization", "KnownPerson", "extract"]
