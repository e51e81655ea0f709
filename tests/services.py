"""Real services that tests start for themselves (never the shared ones on the standard ports)."""

import socket
import subprocess
import threading
import time
from http.server import ThreadingHTTPServer


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayRedis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class SMTPServer:
    """
    A real SMTP server in the test process (aiosmtpd), on a free port: what the platform
    sends travels over SMTP and is read back as the server received it.
    """

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages = []
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes, policy

        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    @property
    def port(self):
        return self.controller.port

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    def to(self, address):
        """The messages received for ``address``, oldest first."""
        return [message for message in self.messages if address.lower() in [r.lower() for r in message.recipients]]

    def wait_for(self, count, timeout=10):
        """Wait until at least ``count`` messages have arrived (mail may be sent from another thread)."""
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} e-mails, received {len(self.messages)}")
            time.sleep(0.02)
        return self.messages


class Received:
    """One received e-mail: envelope sender, recipients and the parsed message."""

    def __init__(self, sender, recipients, message):
        self.sender = sender
        self.recipients = recipients
        self.message = message

    @property
    def subject(self):
        return str(self.message["Subject"])

    @property
    def text(self):
        """The plain-text body."""
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""

    @property
    def html(self):
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part else ""

    def links(self):
        """Every http(s) link of the plain-text body, in order."""
        import re

        return re.findall(r"https?://[^\s<>\"]+", self.text)


class LocalHTTPServer:
    """
    ``http.server`` in a thread on 127.0.0.1 with ``handler`` (a ``BaseHTTPRequestHandler``):
    the web a test talks to. ``seen`` lists what the handler recorded of each request;
    ``with LocalHTTPServer(...)`` starts it and shuts it down.
    """

    def __init__(self, handler):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.server.seen = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    @property
    def seen(self):
        return self.server.seen

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
