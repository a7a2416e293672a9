"""Errors and warnings raised by qcakit.

Every check in the kit raises :class:`QCAInputError` (a ``ValueError``) with a message that says
what is wrong, where, and how to fix it, so a learner never meets a silent ``NaN``.
"""


class QCAInputError(ValueError):
    """Bad input to a qcakit function; the message names the column and the fix."""


class QCAWarning(UserWarning):
    """Something legal but worth a learner's attention (e.g. set memberships of exactly 0.5)."""
