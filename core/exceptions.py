class ApplicationError(Exception):
    """A domain rule said no. The message is translated and safe to show to the user."""

    def __init__(self, message, *, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}
