"""While a notebook is broadcast, its room takes changes from the broadcaster only.

jupyter-collaboration applies every client's document update to the room and relays it to every
other client: in a class, any follower could type into the teacher's notebook, and the teacher
and the whole class would get the change. A teacher's player marks its broadcast in the room's
awareness (the ``notecast`` field, as ``src/session/broadcast.ts`` writes it); from then on, until
that connection stops broadcasting or leaves, this guard

- drops the document updates of every other connection (a follower's client keeps its own edit
  locally; the room, the teacher and every other follower never see it), and says so in the room's
  own awareness (``notecastRoom``: read-only, and who broadcasts), which every client reads;
- relays a follower's awareness to the broadcaster (who shows who follows) and back to the follower
  (its keep-alive), never to the other followers: with a hundred followers, relaying each one's
  awareness to everyone is ten thousand messages for every round of keep-alives;
- relays each awareness change once: y-websocket clients send again every change they receive,
  so every change would come back from every client. An entry is new only with a newer clock than
  the guard has seen for its client; the first connection to send it is that client's own.

Who may broadcast: on a JupyterHub single-user server, its owner (``JUPYTERHUB_USER``) and the
users named in ``NOTECAST_BROADCASTERS`` (comma-separated); on a server without a hub, the first
connection in the room that starts a broadcast. A second broadcaster while one is active is a
follower like any other.
"""

from __future__ import annotations

import asyncio
import os
import weakref
from dataclasses import dataclass, field
from logging import Logger
from typing import Any, Protocol

from .awareness import AWARENESS_MESSAGE, AwarenessEntry, awareness_message, message_of_update, read_awareness_message

#: The first byte of a y-websocket sync message, and the second byte of those that carry changes.
SYNC_MESSAGE = 0
SYNC_STEP2 = 1
SYNC_UPDATE = 2

#: The awareness field a broadcasting player sets, and the version of its shape the guard knows.
BROADCAST_FIELD = "notecast"
BROADCAST_VERSION = 1

#: The field of the room's own awareness that tells every client the room is read-only.
ROOM_FIELD = "notecastRoom"


class Connection(Protocol):
    """What the guard uses of jupyter-collaboration's websocket handler."""

    room: Any
    current_user: Any
    log: Logger

    async def send(self, message: bytes) -> None: ...


def is_broadcast(state: dict[str, Any] | None) -> bool:
    """Whether an awareness state says its client is broadcasting (a shape this version knows)."""
    broadcast = state.get(BROADCAST_FIELD) if state else None
    return (
        isinstance(broadcast, dict)
        and broadcast.get("version") == BROADCAST_VERSION
        and isinstance(broadcast.get("tutorial"), str)
    )


def may_broadcast(connection: Connection) -> bool:
    """Whether this connection's user may make a room read-only for everyone else."""
    owner = os.environ.get("JUPYTERHUB_USER")
    if not owner:
        return True
    allowed = {owner} | {name.strip() for name in os.environ.get("NOTECAST_BROADCASTERS", "").split(",") if name.strip()}
    return getattr(connection.current_user, "username", None) in allowed


def _display_name(connection: Connection) -> str:
    user = connection.current_user
    return str(getattr(user, "display_name", None) or getattr(user, "name", None) or getattr(user, "username", ""))


@dataclass(eq=False)
class RoomGuard:
    """One room's broadcast: who broadcasts, who follows, what was refused."""

    broadcaster: Connection | None = None
    #: The broadcaster's awareness client ids.
    broadcaster_clients: set[int] = field(default_factory=set)
    #: Each follower's own awareness client ids and their last clocks, to say they left when they do.
    followers: dict[Connection, dict[int, int]] = field(default_factory=dict)
    #: The newest clock seen of each client, and whether its state was then gone.
    clocks: dict[int, tuple[int, bool]] = field(default_factory=dict)
    #: Document updates dropped, in all.
    dropped: int = 0
    #: Connections already told of in the log (one line each, not one per keystroke).
    logged: weakref.WeakSet = field(default_factory=weakref.WeakSet)


_guards: weakref.WeakKeyDictionary[Any, RoomGuard] = weakref.WeakKeyDictionary()
_tasks: set[asyncio.Task] = set()
#: Each connection's own awareness client: y-websocket sends its own state first on connecting, so
#: the first entry a connection sends names it, unless a live connection of the room has it already.
_own_client: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
#: Per room, which live connection each client id belongs to.
_client_owner: weakref.WeakKeyDictionary[Any, weakref.WeakValueDictionary] = weakref.WeakKeyDictionary()


def _claim(room: Any, connection: Connection, message: bytes) -> None:
    """Note whose client a connection is, from the first entry it sends that no live connection has."""
    if connection in _own_client:
        return
    try:
        entries = read_awareness_message(message)
    except (ValueError, UnicodeDecodeError):
        return
    owners = _client_owner.setdefault(room, weakref.WeakValueDictionary())
    if entries and entries[0].client_id not in owners:
        owners[entries[0].client_id] = connection
        _own_client[connection] = entries[0].client_id


def guard_of(room: Any) -> RoomGuard | None:
    """The room's guard, if anyone ever broadcast in it."""
    return _guards.get(room)


def _send(connection: Connection, message: bytes) -> None:
    async def send() -> None:
        try:
            await connection.send(message)
        except Exception:  # a closed connection: its own close handling tells the room
            pass

    task = asyncio.ensure_future(send())
    _tasks.add(task)
    task.add_done_callback(_tasks.discard)


def _announce(room: Any, value: dict[str, Any] | None) -> None:
    awareness = getattr(room, "awareness", None)
    if awareness is not None and awareness.get_local_state() is not None:
        awareness.set_local_state_field(ROOM_FIELD, value)


def _start(guard: RoomGuard, room: Any, connection: Connection, client_id: int) -> None:
    guard.broadcaster = connection
    guard.broadcaster_clients = {client_id}
    _announce(room, {"readOnly": True, "broadcaster": client_id, "name": _display_name(connection)})
    connection.log.info("Notecast: %s broadcasts; the room is read-only for everyone else", _display_name(connection))


def _end(guard: RoomGuard, room: Any) -> None:
    if guard.broadcaster is not None:
        guard.broadcaster.log.info("Notecast: the broadcast ended; the room takes everyone's changes again")
    guard.broadcaster = None
    guard.broadcaster_clients = set()
    guard.followers.clear()
    _announce(room, None)


def _welcome(guard: RoomGuard, room: Any, connection: Connection) -> None:
    """Tell a follower who joins mid-broadcast that the room is read-only and where the teacher is."""
    awareness = getattr(room, "awareness", None)
    if awareness is None:
        return
    known = [client for client in [awareness.client_id, *guard.broadcaster_clients] if client in awareness.states]
    if known:
        _send(connection, message_of_update(awareness.encode_awareness_update(known)))


def _is_new(guard: RoomGuard, connection: Connection, entry: AwarenessEntry) -> bool:
    """
    Whether an entry is news: about the connection's own client (any other is an echo, or someone
    speaking for another), with a newer clock, or the same clock saying the client left, as
    y-protocols decides.
    """
    if _own_client.get(connection) != entry.client_id:
        return False
    known = guard.clocks.get(entry.client_id)
    new = known is None or entry.clock > known[0] or (entry.clock == known[0] and entry.state is None and not known[1])
    if new:
        guard.clocks[entry.client_id] = (entry.clock, entry.state is None)
    return new


def _on_awareness(guard: RoomGuard, room: Any, connection: Connection, message: bytes) -> bytes | None:
    try:
        entries = read_awareness_message(message)
    except (ValueError, UnicodeDecodeError):
        return message  # not ours to judge: the room reads it as it always does
    fresh = [entry for entry in entries if _is_new(guard, connection, entry)]
    for entry in fresh:
        if connection is guard.broadcaster:
            if entry.client_id in guard.broadcaster_clients and not is_broadcast(entry.state):
                _end(guard, room)
        elif guard.broadcaster is None and is_broadcast(entry.state) and may_broadcast(connection):
            _start(guard, room, connection, entry.client_id)
        elif guard.broadcaster is not None:
            if connection not in guard.followers:
                _welcome(guard, room, connection)
            clocks = guard.followers.setdefault(connection, {})
            if entry.state is None:
                clocks.pop(entry.client_id, None)
            else:
                clocks[entry.client_id] = entry.clock
    if guard.broadcaster is None:
        return message
    news = message if len(fresh) == len(entries) else awareness_message(fresh) if fresh else None
    if connection is guard.broadcaster:
        return news
    # A follower's awareness: to the broadcaster, and back to the follower (its keep-alive).
    if news is not None:
        _send(guard.broadcaster, news)
    _send(connection, message)
    return None


def filter_message(connection: Connection, message: bytes) -> bytes | None:
    """What of a message from ``connection`` goes on to its room: all of it, part, or nothing (None)."""
    if not message:
        return message
    room = getattr(connection, "room", None)
    if room is None:
        return message
    guard = _guards.get(room)
    if message[0] == AWARENESS_MESSAGE:
        _claim(room, connection, message)
        if guard is None:
            # Most rooms never see a broadcast: look only for one starting.
            if b'"' + BROADCAST_FIELD.encode() + b'"' not in message:
                return message
            guard = _guards.setdefault(room, RoomGuard())
        return _on_awareness(guard, room, connection, message)
    if (
        guard is not None
        and guard.broadcaster is not None
        and connection is not guard.broadcaster
        and message[0] == SYNC_MESSAGE
        and len(message) > 1
        and message[1] in (SYNC_STEP2, SYNC_UPDATE)
    ):
        guard.dropped += 1
        if connection not in guard.logged:
            guard.logged.add(connection)
            connection.log.warning(
                "Notecast: a change from %s to a broadcast notebook was not applied (the room is read-only while %s broadcasts)",
                getattr(connection.current_user, "username", "a follower"),
                _display_name(guard.broadcaster),
            )
        return None
    return message


def on_close(connection: Connection) -> None:
    """A connection left: a broadcaster's leaving ends the broadcast; a follower's is told to the broadcaster."""
    room = getattr(connection, "room", None)
    # Its client may come back through another connection (a reconnect keeps the client id).
    client = _own_client.pop(connection, None)
    owners = _client_owner.get(room) if room is not None else None
    if client is not None and owners is not None and owners.get(client) is connection:
        del owners[client]
    guard = _guards.get(room) if room is not None else None
    if guard is None:
        return
    if connection is guard.broadcaster:
        _end(guard, room)
        return
    clocks = guard.followers.pop(connection, {})
    if clocks and guard.broadcaster is not None:
        _send(guard.broadcaster, awareness_message([AwarenessEntry(client, clock + 1, None) for client, clock in clocks.items()]))
