"""A mail server on this machine (aiosmtpd) that delivers nothing: it keeps each message as a file.

    python -m deploy.mail PORT FOLDER

The production settings refuse to start without EMAIL_HOST (so no form's email is ever lost
silently), so `make stack`, the production-server tests and the fault suite point them at this
server on 127.0.0.1. Each message it accepts is written to FOLDER as a whole `.eml` file (written
under another name, then renamed), and nothing leaves the machine: open the files to read what
applicants, schools and staff would have been sent.

FOLDER/mode decides how it behaves, read at each step, so the fault suite can change it while it
runs:

- `accept` (or no file): a working mail server.
- `refuse`: answers every recipient with 451 (try again later), so nothing is delivered.
- `slow`: waits a minute before answering EHLO (a sender is stuck mid-conversation; nothing is
  delivered), and writes FOLDER/stuck-<n> when a sender arrives.
"""

import asyncio
import sys
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller

HOST = "127.0.0.1"


class Mailbox:
    def __init__(self, folder: Path):
        self.folder = folder

    def mode(self) -> str:
        try:
            return (self.folder / "mode").read_text().strip() or "accept"
        except FileNotFoundError:
            return "accept"

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if self.mode() == "slow":
            (self.folder / f"stuck-{time.time_ns()}").touch()
            await asyncio.sleep(60)
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.mode() == "refuse":
            return "451 4.3.0 Mail server busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}"
        partial = self.folder / f"{name}.part"
        partial.write_bytes(envelope.original_content or envelope.content)
        partial.rename(self.folder / f"{name}.eml")  # whole, or not there at all
        return "250 Message accepted for delivery"


def main() -> None:
    port, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(Mailbox(folder), hostname=HOST, port=port)
    controller.start()
    print(f"Mail server on {HOST}:{port}, keeping messages in {folder}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
