"""Awareness messages as y-protocols writes them, and what a hostile client might send instead."""

import unittest

from jupyterlab_notecast.classroom.awareness import (
    MAX_STATE_BYTES,
    AwarenessEntry,
    awareness_message,
    read_awareness_message,
)

# What y-websocket sends for a client 3152766241 at clock 2 with {"user": {"username": "anna"}, "probe": 1}
# (written by y-protocols' encodeAwarenessUpdate).
FROM_Y_PROTOCOLS = bytes.fromhex(
    "012e01a1caaddf0b02267b2275736572223a7b22757365726e616d65223a22616e6e61227d2c2270726f6265223a317d"
)


class ReadAwarenessMessage(unittest.TestCase):
    def test_reads_what_y_protocols_writes(self):
        self.assertEqual(
            read_awareness_message(FROM_Y_PROTOCOLS),
            [AwarenessEntry(3152766241, 2, {"user": {"username": "anna"}, "probe": 1})],
        )

    def test_writes_what_y_protocols_writes(self):
        self.assertEqual(awareness_message(read_awareness_message(FROM_Y_PROTOCOLS)), FROM_Y_PROTOCOLS)

    def test_a_client_that_left_has_no_state(self):
        message = awareness_message([AwarenessEntry(7, 3, None)])
        self.assertEqual(read_awareness_message(message), [AwarenessEntry(7, 3, None)])

    def test_refuses_what_is_not_an_awareness_update(self):
        for message in [
            b"",
            b"\x00\x01\x00",  # a sync message
            FROM_Y_PROTOCOLS[:-5],  # truncated
            b"\x01\x05\x01\x01",  # shorter than it says
            b"\x01\x0b" + b"\xff" * 11,  # an integer that never ends
        ]:
            with self.subTest(message=message):
                with self.assertRaises(ValueError):
                    read_awareness_message(message)

    def test_refuses_a_state_over_the_limit_before_reading_it(self):
        size = MAX_STATE_BYTES + 1
        varint = bytearray()
        n = size
        while n > 0x7F:
            varint.append(0x80 | (n & 0x7F))
            n >>= 7
        varint.append(n)
        update = b"\x01\x01\x01" + bytes(varint)  # one entry, client 1, clock 1, then the state's length only
        with self.assertRaises(ValueError):
            read_awareness_message(b"\x01" + bytes([len(update)]) + update)

    def test_a_state_that_is_not_an_object_counts_as_none(self):
        message = awareness_message([AwarenessEntry(1, 1, None)]).replace(b"null", b"[42]")
        # The length prefix still matches: "null" and "[42]" are both four bytes.
        self.assertEqual(read_awareness_message(message), [AwarenessEntry(1, 1, None)])


if __name__ == "__main__":
    unittest.main()
