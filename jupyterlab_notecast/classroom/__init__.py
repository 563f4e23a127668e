"""Notecast's Jupyter server extension: broadcast rooms of jupyter-collaboration, read-only by rule.

Enabled with the package (``jupyter_server_config.d/jupyterlab_notecast.json``); it does nothing on
a server without jupyter-collaboration, and nothing in a room until someone broadcasts there.
"""

from __future__ import annotations

from typing import Any

from .read_only_rooms import filter_message, on_close

#: Set on the handler class once patched, so loading twice patches once.
_PATCHED = "_notecast_read_only_rooms"


def _guard_collaboration_rooms(handler_class: Any) -> None:
    if getattr(handler_class, _PATCHED, False):
        return
    receive = handler_class.on_message
    close = handler_class.on_close

    # jupyter-collaboration offers no hook per connection (pycrdt-websocket's YRoom.on_message
    # receives the bytes without the client that sent them), so the guard wraps its handler.
    async def on_message(self: Any, message: Any) -> Any:
        if isinstance(message, (bytes, bytearray)):
            message = filter_message(self, bytes(message))
            if message is None:
                return None
        return await receive(self, message)

    def on_connection_close(self: Any) -> Any:
        try:
            on_close(self)
        except Exception:  # never in the way of the room's own clean-up
            self.log.exception("Notecast: could not note a connection leaving a broadcast room")
        return close(self)

    handler_class.on_message = on_message
    handler_class.on_close = on_connection_close
    setattr(handler_class, _PATCHED, True)


def _load_jupyter_server_extension(serverapp: Any) -> None:
    try:
        from jupyter_server_ydoc.handlers import YDocWebSocketHandler
    except ImportError:
        serverapp.log.debug("Notecast: no jupyter-collaboration here, so no broadcast rooms to guard")
        return
    _guard_collaboration_rooms(YDocWebSocketHandler)
    serverapp.log.info("Notecast: broadcast notebooks are read-only for followers")
