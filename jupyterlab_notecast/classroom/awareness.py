"""Reading and writing y-protocols awareness updates, the messages a room relays between clients.

An awareness update is a count of entries, each a client id, its clock and its state as JSON
(``null`` when the client left), all lengths and numbers as unsigned variable-length integers.
The bytes come from a client: anything that does not parse is refused with ``ValueError``, and the
caller lets the room treat the message as it would have.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

#: The first byte of a y-websocket message carrying an awareness update.
AWARENESS_MESSAGE = 1

#: An awareness state larger than this is not read (bytes of JSON); rooms relay far smaller ones.
MAX_STATE_BYTES = 1 << 20


@dataclass(frozen=True)
class AwarenessEntry:
    client_id: int
    clock: int
    #: The client's state, or None when the client left the room.
    state: dict[str, Any] | None


def _read_uint(data: bytes, at: int) -> tuple[int, int]:
    value = 0
    shift = 0
    while True:
        if at >= len(data):
            raise ValueError("truncated integer")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, at
        shift += 7
        if shift > 63:
            raise ValueError("integer too long")


def _write_uint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    out.append(value)
    return bytes(out)


def read_awareness_message(message: bytes) -> list[AwarenessEntry]:
    """The entries of an awareness message (its first byte ``AWARENESS_MESSAGE``)."""
    if not message or message[0] != AWARENESS_MESSAGE:
        raise ValueError("not an awareness message")
    length, at = _read_uint(message, 1)
    update = message[at : at + length]
    if len(update) != length:
        raise ValueError("truncated update")
    count, at = _read_uint(update, 0)
    entries = []
    for _ in range(count):
        client_id, at = _read_uint(update, at)
        clock, at = _read_uint(update, at)
        size, at = _read_uint(update, at)
        if size > MAX_STATE_BYTES or at + size > len(update):
            raise ValueError("state too long or truncated")
        state = json.loads(update[at : at + size].decode("utf-8"))
        at += size
        entries.append(AwarenessEntry(client_id, clock, state if isinstance(state, dict) else None))
    return entries


def awareness_message(entries: list[AwarenessEntry]) -> bytes:
    """An awareness message carrying ``entries``, as a client would send it."""
    update = bytearray(_write_uint(len(entries)))
    for entry in entries:
        state = json.dumps(entry.state, separators=(",", ":")).encode("utf-8")
        update += _write_uint(entry.client_id) + _write_uint(entry.clock) + _write_uint(len(state)) + state
    return message_of_update(bytes(update))


def message_of_update(update: bytes) -> bytes:
    """The message that carries an awareness update (as pycrdt's ``Awareness.encode_awareness_update`` makes one)."""
    return bytes([AWARENESS_MESSAGE]) + _write_uint(len(update)) + update
