class GazetteParseError(ValueError):
    """The input is not a gazette text the parser can read. ``message`` (a ``Message``) says why, for the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message
