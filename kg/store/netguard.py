"""Refuse network access from inside the process (``KG_NO_NETWORK=1``).

``kg extract``, ``query``, ``validate`` and ``visualize`` never need the network. To prove it (and
to be sure in a sandbox), set ``KG_NO_NETWORK=1``: :func:`kg.cli.main` then calls :func:`enable`,
which installs a :func:`sys.addaudithook` hook that stops every attempt to resolve a host name or
open a connection to anything but this machine, with a :class:`NetworkBlocked` error, and prints
``warning: network access blocked ...`` on stderr even if a library catches the error.

Loopback addresses (``localhost``, ``127.0.0.0/8``, ``::1``) and Unix sockets stay allowed: they do
not leave the machine (``kg serve`` listens on loopback).

>>> with blocked():
...     import socket
...     socket.getaddrinfo("example.org", 80)
Traceback (most recent call last):
...
kg.store.netguard.NetworkBlocked: network access blocked (KG_NO_NETWORK=1): resolve example.org:80
"""
from __future__ import annotations

import ipaddress
import os
import sys
from contextlib import contextmanager

from ..errors import KgError

ENV = "KG_NO_NETWORK"

_state = {"installed": False, "enabled": 0}
#: every blocked attempt, as "connect example.org:80"; tests read it
ATTEMPTS: list[str] = []

_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyaddr",
    "socket.sendto",
    "socket.sendmsg",
    "urllib.Request",
    "http.client.connect",
    "ftplib.connect",
    "smtplib.connect",
}
_LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkBlocked(OSError, KgError):
    """Raised when code tries to reach the network while the guard is on."""

    exit_code = 1
    label = "error"


def requested() -> bool:
    """Whether the environment asks for no network (``KG_NO_NETWORK`` set and not 0/false/no)."""
    return os.environ.get(ENV, "").strip().lower() not in ("", "0", "false", "no")


def _is_local_host(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host is None:
        return True
    host = str(host).strip("[]").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _target(event: str, args: tuple) -> tuple[str, bool]:
    """(description, is_local) of an audited network event."""
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if event == "socket.sendmsg":
            address = args[1] if len(args) > 1 else None
        if address is None or isinstance(address, (str, bytes)):  # Unix socket path, or connected
            return (f"{event.split('.')[1]} {address!r}", True)
        if isinstance(address, tuple) and address:
            host, port = address[0], address[1] if len(address) > 1 else ""
            return (f"connect {host}:{port}", _is_local_host(host))
        return (f"{event} {address!r}", False)
    if event == "socket.getaddrinfo":
        host, port = args[0], args[1] if len(args) > 1 else None
        return (f"resolve {host if not isinstance(host, bytes) else host.decode('ascii', 'replace')}:{port}",
                _is_local_host(host))
    if event in ("socket.gethostbyname", "socket.gethostbyaddr"):
        host = args[0] if args else None
        return (f"resolve {host}", _is_local_host(host))
    if event == "urllib.Request":
        url = args[0] if args else ""
        from urllib.parse import urlsplit

        parts = urlsplit(str(url))
        if parts.scheme in ("file", "data", ""):
            return (f"open {url}", True)
        return (f"open {url}", _is_local_host(parts.hostname))
    host = args[1] if len(args) > 1 else None
    port = args[2] if len(args) > 2 else ""
    return (f"connect {host}:{port}", _is_local_host(host))


def _hook(event: str, args: tuple) -> None:
    if not _state["enabled"] or event not in _EVENTS:
        return
    description, local = _target(event, args)
    if local:
        return
    ATTEMPTS.append(description)
    message = f"network access blocked ({ENV}=1): {description}"
    try:
        sys.stderr.write(f"warning: {message}\n")
    except Exception:
        pass
    raise NetworkBlocked(message)


def install() -> None:
    """Add the audit hook (once per process; it does nothing until :func:`enable`)."""
    if not _state["installed"]:
        sys.addaudithook(_hook)
        _state["installed"] = True


def enable() -> None:
    """Block network access from now on in this process."""
    install()
    _state["enabled"] += 1


def disable() -> None:
    """Undo one :func:`enable` (audit hooks cannot be removed, only switched off)."""
    _state["enabled"] = max(0, _state["enabled"] - 1)


def is_enabled() -> bool:
    return bool(_state["enabled"])


@contextmanager
def blocked():
    """Block network access inside a ``with`` block (for tests and library callers)."""
    enable()
    try:
        yield ATTEMPTS
    finally:
        disable()
