"""Helpers for test modules that are neither fixtures nor factories."""


def response_bytes(response):
    """The body of a response, streamed or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content
