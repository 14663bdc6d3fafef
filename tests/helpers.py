"""Helpers for test modules that are neither fixtures nor factories."""

from gazette.messages import warning_text


def response_bytes(response):
    """The body of a response, streamed or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def shown_warnings(parsed):
    """A parsed issue's warnings as the pages show them, in the active language ("第123行：…" in Chinese)."""
    return [warning_text(warning.as_json()) for warning in parsed.warnings]
