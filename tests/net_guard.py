"""The test suite's network guard: any attempt to reach the network from a test (in the test process
or in a Python process it starts) is refused and fails that test.

Allowed: unix sockets, and loopback connections to the PostgreSQL test server named in
``REVIEWDESK_TEST_PG`` (its TCP port, when it has one). This module runs in the test process
(installed by an autouse fixture in conftest) and, copied into a ``sitecustomize`` on
``PYTHONPATH``, in every Python child process, which appends its attempts to the file named by
``REVIEWDESK_NET_GUARD_LOG``. It must stay self-contained (standard library only).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from typing import Any

_LOOPBACK = ("127.", "::1", "localhost", "0:0:0:0:0:0:0:1")
LOG_VARIABLE = "REVIEWDESK_NET_GUARD_LOG"


def allowed_ports() -> set[int]:
    """The PostgreSQL test server's TCP port(s), if it listens on TCP."""
    from urllib.parse import parse_qs, urlsplit

    url = os.environ.get("REVIEWDESK_TEST_PG", "")
    if not url:
        return set()
    parts = urlsplit(url.replace("postgresql+psycopg://", "postgresql://"))
    ports = {parts.port or 5432}
    for value in parse_qs(parts.query).get("port", []):
        if value.isdigit():
            ports.add(int(value))
    return ports


def _is_loopback(host: object) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    return isinstance(host, str) and (host.startswith(_LOOPBACK) or host == "")


def install(record: Callable[[str], None]) -> Callable[[], None]:
    """Refuse network connections, calling ``record`` for each attempt; returns an uninstaller."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto
    real_getaddrinfo = socket.getaddrinfo
    ports = allowed_ports()

    def allowed(sock: socket.socket, address: Any) -> bool:
        if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
            return True
        if isinstance(address, tuple) and len(address) >= 2:
            return _is_loopback(address[0]) and address[1] in ports
        return False

    def refuse(address: Any) -> OSError:
        record(f"connect {address!r}")
        return OSError(101, "network access is forbidden in the ReviewDesk test suite")

    def connect(sock: socket.socket, address: Any) -> None:
        if not allowed(sock, address):
            raise refuse(address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        if not allowed(sock, address):
            raise refuse(address)
        return real_connect_ex(sock, address)

    def sendto(sock: socket.socket, data: Any, *args: Any) -> int:
        address = args[-1] if args else None
        if not allowed(sock, address):
            raise refuse(address)
        return real_sendto(sock, data, *args)  # type: ignore[call-overload,no-any-return]

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host is not None and not _is_loopback(host):
            record(f"lookup {host!r}")
            raise socket.gaierror(
                socket.EAI_NONAME, "name lookups are forbidden in the ReviewDesk test suite"
            )
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = getaddrinfo

    def uninstall() -> None:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
        socket.socket.sendto = real_sendto  # type: ignore[method-assign]
        socket.getaddrinfo = real_getaddrinfo

    return uninstall


def _record_to_log(description: str) -> None:
    path = os.environ.get(LOG_VARIABLE)
    if path:
        try:
            with open(path, "a", encoding="utf-8") as log:
                log.write(f"{os.getpid()} {description}\n")
        except OSError:
            pass


CHILD_BOOTSTRAP = """

if os.environ.get(LOG_VARIABLE):
    install(_record_to_log)
"""
