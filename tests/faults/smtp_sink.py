"""A mail server for the fault suite (aiosmtpd), run as a subprocess on loopback.

    python -m tests.faults.smtp_sink PORT FOLDER

Writes each message it accepts to FOLDER as a .eml file. FOLDER/mode decides how it behaves,
read at each step, so the suite can change it while it runs:

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


class Sink:
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
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"SMTP sink listening on 127.0.0.1:{port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
