class GazetteParseError(ValueError):
    """The input is not a gazette text the parser can read. ``message`` is Chinese, for the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
