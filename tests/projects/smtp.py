"""A real SMTP server's inbox (aiosmtpd) for the reminder tests, and a free port to run it on."""

import asyncio
import socket


class Inbox:
    """Keeps what it accepts; refuses the DATA of the first ``refuse`` messages with a temporary error; answers
    each accepted one after ``delay`` seconds."""

    def __init__(self, refuse=0, delay=0):
        self.messages = []
        self.refuse = refuse
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 mailbox temporarily unavailable"
        self.messages.append(envelope)
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
