"""Every error marsad raises on purpose. Messages say what, where, and what to do."""


class MarsadError(Exception):
    """Base of marsad's own errors; the CLI turns them into a message and a non-zero exit."""


class InputError(MarsadError):
    """A document or file that cannot be read as asked (names the input and the problem)."""


class KnowledgeBaseError(MarsadError):
    """A data file of the knowledge base is missing, corrupt or inconsistent."""
