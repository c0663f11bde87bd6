"""kombu's file-system transport, made safe for concurrent producers.

kombu creates its files first and fills them afterwards, so another process can
read one while it is still empty and die on the JSON decode (seen with two
clients submitting at once): a worker polling the queue folder, or a producer
reading an exchange's binding table. Here both are created complete:
- a message is written to a staging folder and renamed into the queue folder;
- a binding table is created holding `[]` with link(2), then updated under
  kombu's own lock as before.
A rename or link within one file system is atomic: readers see all or nothing.
"""

import os
import uuid
from pathlib import Path
from time import monotonic

from kombu.transport import filesystem
from kombu.utils.encoding import str_to_bytes
from kombu.utils.json import dumps


class Channel(filesystem.Channel):
    def _put(self, queue, payload, **kwargs):
        name = f"{round(monotonic() * 1000)}_{uuid.uuid4()}.{queue}.msg"  # kombu reads them in name order
        staging = Path(self.data_folder_out).parent / "staging"
        staging.mkdir(exist_ok=True)
        try:
            (staging / name).write_bytes(str_to_bytes(dumps(payload)))
            os.replace(staging / name, Path(self.data_folder_out) / name)
        except OSError as exc:
            raise filesystem.ChannelError(f"Cannot add message {name!r} to {self.data_folder_out!r}") from exc

    def _queue_bind(self, exchange, routing_key, pattern, queue):
        table = self._exchange_file(exchange)
        self.control_folder.mkdir(exist_ok=True)
        if not table.exists():
            draft = table.with_name(f".{uuid.uuid4()}.draft")
            draft.write_bytes(b"[]")
            try:
                os.link(draft, table)
            except FileExistsError:
                pass  # another process created it first: fine, it is complete too
            finally:
                draft.unlink()
        super()._queue_bind(exchange, routing_key, pattern, queue)  # the file exists: kombu updates it under lock


class Transport(filesystem.Transport):
    Channel = Channel
