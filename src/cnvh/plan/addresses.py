"""The address a request came from, for limiting login attempts by address.

Behind a reverse proxy every request reaches the app from the proxy, so REMOTE_ADDR
is the proxy's address for everyone: limiting by it would lock the whole city out
after one person's failures. The proxy says who its client was in X-Forwarded-For,
but any client can send that header too. So it is read only when REMOTE_ADDR is one
of the proxies listed in the setting TRUSTED_PROXIES (CNVH_TRUSTED_PROXIES: addresses
or networks), and then from the right: each trusted proxy appends the address it was
called from, so the last address that is not a trusted proxy is the one a proxy of
ours saw. Whatever a client wrote further left is ignored.
"""

import ipaddress
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(entries: Iterable[str]) -> list[Network]:
    """'10.0.0.5', '10.1.0.0/16' or '::1' as networks; a bad entry is an error."""
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries]


def _address(text: str) -> str | None:
    """`text` as a normalised IP address, or None when it is not one."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def _trusted(address: str, proxies: list[Network]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == network.version and ip in network for network in proxies)


def address_from(meta: Mapping[str, Any], proxies: list[Network]) -> str | None:
    remote = _address(str(meta.get("REMOTE_ADDR") or ""))
    if remote is None or not _trusted(remote, proxies):
        return remote
    found = remote
    for entry in reversed(str(meta.get("HTTP_X_FORWARDED_FOR") or "").split(",")):
        address = _address(entry)
        if address is None:
            # A trusted proxy writes only addresses: what is left of this is not ours.
            break
        found = address
        if not _trusted(address, proxies):
            break
    return found


def client_address(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return address_from(request.META, networks(getattr(settings, "TRUSTED_PROXIES", [])))
