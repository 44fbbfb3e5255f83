"""Opaque references people can read out on the phone: EOI-7K3Q9M.

No 0/O, 1/I/L or U: nothing that reads as another character or spells much. Six characters
from 30 give 729 million references per prefix, drawn with `secrets`, so one reveals nothing
about how many submissions exist or when it was made. Uniqueness is enforced by the database;
`submissions.service` draws again on the rare collision.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 6


def generate_reference(prefix: str) -> str:
    return f"{prefix}-" + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def reference_pattern(prefix: str) -> re.Pattern:
    return re.compile(rf"^{re.escape(prefix)}-[{ALPHABET}]{{{LENGTH}}}$")
