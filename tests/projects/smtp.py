"""A real SMTP server's inbox (aiosmtpd) for the reminder tests, and a free port to run it on."""

import socket


class Inbox:
    """Keeps what it accepts; refuses the DATA of the first ``refuse`` messages with a temporary error."""

    def __init__(self, refuse=0):
        self.messages = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 4.3.0 mailbox temporarily unavailable"
        self.messages.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
