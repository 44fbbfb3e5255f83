"""A TCP proxy on loopback that can be made to fail like a server does.

- `up()`: forwards to the real server.
- `down()`: the port is closed (connections refused) and open connections are reset, as when
  the server has stopped.
- `hang(existing=...)`: new connections are accepted and never answered, as from a server that
  is overloaded or a host that has gone away behind a load balancer; open connections are
  either stalled (`"stall"`: their data is read and held, never forwarded) or reset (`"drop"`).

Everything runs in daemon threads of the test process; nothing leaves 127.0.0.1.
"""

import contextlib
import socket
import threading
import time


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FaultProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.port = free_port()
        self.mode = "up"
        self.stall_existing = False
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None
        self._listen()

    # --- modes -----------------------------------------------------------------------------

    def up(self) -> None:
        self._close_all()  # hung connections were never answered: reset them
        self.mode, self.stall_existing = "up", False
        if self._listener is None:
            self._listen()

    def down(self) -> None:
        self.mode = "down"
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self._close_all()

    def hang(self, existing: str = "stall") -> None:
        assert existing in {"stall", "drop"}
        if existing == "drop":
            self._close_all()
        self.mode, self.stall_existing = "hang", existing == "stall"
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self.down()

    # --- machinery -------------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.settimeout(0.1)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            self._track(client)
            if self.mode == "hang":
                continue  # held open, never read, never answered
            try:
                upstream = socket.create_connection(self.upstream, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self._close(client)
                continue
            self._track(upstream)
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                while self.mode == "hang" and self.stall_existing:
                    time.sleep(0.05)
                if self.mode == "down":
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source)
            self._close(target)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _close(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _close_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            self._close(sock)
