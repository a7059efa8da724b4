"""Mail servers that misbehave, for the tests of the mail queue."""

import time

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

calls: list[str] = []


class UnreachableBackend(BaseEmailBackend):
    """Like an SMTP server on a closed port."""

    def send_messages(self, email_messages):
        calls.append("unreachable")
        raise ConnectionRefusedError(111, "Connection refused")


class SlowBackend(LocmemBackend):
    """Answers, but takes its time (a slow or far-away server)."""

    delay = 2.0

    def send_messages(self, email_messages):
        calls.append("slow")
        time.sleep(self.delay)
        return super().send_messages(email_messages)
