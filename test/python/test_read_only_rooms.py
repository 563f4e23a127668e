"""The broadcast guard's rules, message by message (the e2e test read-only-broadcast runs it in a real room)."""

import asyncio
import logging
import os
import unittest
from types import SimpleNamespace
from unittest import mock

from jupyterlab_notecast.classroom import read_only_rooms
from jupyterlab_notecast.classroom.awareness import AwarenessEntry, awareness_message, read_awareness_message
from jupyterlab_notecast.classroom.read_only_rooms import filter_message, guard_of, on_close

BROADCAST = {"version": 1, "tutorial": "tutorials/01-python-basics.md", "title": "Basics", "step": 0}
QUIET = logging.getLogger("notecast-test")
QUIET.propagate = False
QUIET.addHandler(logging.NullHandler())
UPDATE = b"\x00\x02\x05\x01\x01\x07\x00\x00"  # a sync update (its content does not matter here)


class Connection:
    """A websocket connection as the guard sees one: its room, its user, what it was sent."""

    def __init__(self, room, username):
        self.room = room
        self.current_user = SimpleNamespace(username=username, display_name=username.title(), name=username)
        self.log = QUIET
        self.sent = []

    async def send(self, message):
        self.sent.append(message)


class Room:
    """A room with the awareness a pycrdt room has (the server's own state)."""

    def __init__(self):
        self.awareness = mock.MagicMock()
        self.awareness.client_id = 1
        self.awareness.states = {}
        self.awareness.get_local_state.return_value = {}


def says(client, clock, state):
    return awareness_message([AwarenessEntry(client, clock, state)])


class Guard(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.room = Room()
        self.teacher = Connection(self.room, "teacher")
        self.anna = Connection(self.room, "anna")
        self.ben = Connection(self.room, "ben")

    async def settle(self):
        await asyncio.sleep(0)
        await asyncio.sleep(0)

    async def broadcast(self):
        self.assertIsNotNone(filter_message(self.teacher, says(100, 1, {"notecast": BROADCAST})))
        self.assertIs(guard_of(self.room).broadcaster, self.teacher)

    async def test_a_room_without_a_broadcast_is_left_alone(self):
        for message in [UPDATE, says(200, 1, {"user": {"name": "anna"}})]:
            self.assertEqual(filter_message(self.anna, message), message)
        self.assertIsNone(guard_of(self.room))

    async def test_updates_from_anyone_but_the_broadcaster_are_dropped(self):
        await self.broadcast()
        self.assertIsNone(filter_message(self.anna, UPDATE))
        self.assertIsNone(filter_message(self.anna, b"\x00\x01\x02\x00\x00"))  # a sync step 2 carries changes too
        self.assertEqual(filter_message(self.anna, b"\x00\x00\x01\x00"), b"\x00\x00\x01\x00")  # step 1 asks only
        self.assertEqual(filter_message(self.teacher, UPDATE), UPDATE)
        self.assertEqual(guard_of(self.room).dropped, 2)
        self.room.awareness.set_local_state_field.assert_called_with(
            "notecastRoom", {"readOnly": True, "broadcaster": 100, "name": "Teacher"}
        )

    async def test_a_followers_awareness_goes_to_the_broadcaster_and_back_only(self):
        await self.broadcast()
        message = says(200, 1, {"user": {"name": "anna"}})
        self.assertIsNone(filter_message(self.anna, message))
        await self.settle()
        self.assertIn(message, self.teacher.sent)
        self.assertIn(message, self.anna.sent)
        self.assertEqual(self.ben.sent, [])

    async def test_echoes_are_not_relayed_again(self):
        await self.broadcast()
        anna = says(200, 1, {"user": {"name": "anna"}})
        filter_message(self.anna, anna)
        # y-websocket clients send on every change they hear: the teacher and Ben echo it.
        self.assertIsNone(filter_message(self.teacher, anna))
        await self.settle()
        self.teacher.sent.clear()
        self.assertIsNone(filter_message(self.ben, anna))
        await self.settle()
        self.assertEqual(self.teacher.sent, [], "an echo reached the teacher again")
        # A message with news and echo passes the news only.
        mixed = awareness_message([AwarenessEntry(100, 2, {"notecast": BROADCAST, "step": 1}), AwarenessEntry(200, 1, {})])
        self.assertEqual(read_awareness_message(filter_message(self.teacher, mixed)), [AwarenessEntry(100, 2, {"notecast": BROADCAST, "step": 1})])

    async def test_no_one_speaks_for_another_client(self):
        await self.broadcast()
        # Anna sends the teacher's client id with a clock far ahead, and no broadcast in it.
        self.assertIsNone(filter_message(self.anna, says(100, 10**9, {"user": {}})))
        self.assertIs(guard_of(self.room).broadcaster, self.teacher, "Anna ended the teacher's broadcast")
        step = says(100, 2, {"notecast": {**BROADCAST, "step": 1}})
        self.assertEqual(filter_message(self.teacher, step), step, "the teacher's next change was taken for an echo")

    async def test_a_client_that_reconnects_speaks_for_itself_again(self):
        await self.broadcast()
        filter_message(self.anna, says(200, 1, {"user": {}}))
        on_close(self.anna)
        again = Connection(self.room, "anna")
        self.assertIsNone(filter_message(again, says(200, 2, {"user": {}})))
        await self.settle()
        self.assertIn(says(200, 2, {"user": {}}), self.teacher.sent)

    async def test_an_old_echo_of_the_broadcast_does_not_start_another(self):
        await self.broadcast()
        filter_message(self.teacher, says(100, 2, {"user": {}}))  # the teacher stops broadcasting
        self.assertIsNone(guard_of(self.room).broadcaster)
        filter_message(self.anna, says(100, 1, {"notecast": BROADCAST}))  # Anna's echo of the old state
        self.assertIsNone(guard_of(self.room).broadcaster)
        self.assertEqual(filter_message(self.anna, UPDATE), UPDATE)

    async def test_a_second_broadcaster_is_a_follower(self):
        await self.broadcast()
        filter_message(self.ben, says(300, 1, {"notecast": BROADCAST}))
        self.assertIs(guard_of(self.room).broadcaster, self.teacher)
        self.assertIsNone(filter_message(self.ben, UPDATE))

    async def test_a_follower_leaving_is_told_to_the_broadcaster(self):
        await self.broadcast()
        filter_message(self.anna, says(200, 4, {"user": {}}))
        await self.settle()
        self.teacher.sent.clear()
        on_close(self.anna)
        await self.settle()
        self.assertEqual([read_awareness_message(m) for m in self.teacher.sent], [[AwarenessEntry(200, 5, None)]])

    async def test_the_broadcaster_leaving_ends_the_broadcast(self):
        await self.broadcast()
        on_close(self.teacher)
        self.assertIsNone(guard_of(self.room).broadcaster)
        self.assertEqual(filter_message(self.anna, UPDATE), UPDATE)
        self.room.awareness.set_local_state_field.assert_called_with("notecastRoom", None)

    async def test_on_a_hub_only_the_servers_owner_and_named_teachers_may_broadcast(self):
        with mock.patch.dict(os.environ, {"JUPYTERHUB_USER": "class", "NOTECAST_BROADCASTERS": "teacher, ta"}):
            filter_message(self.anna, says(200, 1, {"notecast": BROADCAST}))
            self.assertIsNone(guard_of(self.room).broadcaster)
            owner = Connection(self.room, "class")
            filter_message(owner, says(100, 1, {"notecast": BROADCAST}))
            self.assertIs(guard_of(self.room).broadcaster, owner)
        self.assertTrue(read_only_rooms.may_broadcast(self.anna), "without a hub, anyone in the room may broadcast")


if __name__ == "__main__":
    unittest.main()
