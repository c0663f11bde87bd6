"""The embedded broker under concurrent producers: a consumer never sees a half-written message."""

import threading

from kombu import Connection, Queue

from ohmcloud.filesystem_broker import Transport


def test_concurrent_producers_and_a_polling_consumer(tmp_path):
    queue_dir, control = tmp_path / "queue", tmp_path / "control"
    queue_dir.mkdir()
    control.mkdir()
    options = {"data_folder_in": str(queue_dir), "data_folder_out": str(queue_dir), "control_folder": str(control)}
    sent, received, errors = 400, [], []
    payload = {"body": "x" * 50_000}  # big enough that a write is not instantaneous

    queue = Queue("jobs", routing_key="jobs")

    def produce(offset: int) -> None:
        with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
            producer = conn.Producer()
            for i in range(sent // 4):
                producer.publish({**payload, "n": offset + i}, routing_key="jobs", declare=[queue])

    def consume() -> None:
        with Connection("filesystem://", transport=Transport, transport_options=options) as conn:
            q = conn.SimpleQueue("jobs")
            while len(received) < sent:
                try:
                    message = q.get(timeout=10)
                except Exception as exc:
                    errors.append(exc)
                    return
                received.append(message.payload["n"])
                message.ack()

    consumer = threading.Thread(target=consume)
    consumer.start()
    producers = [threading.Thread(target=produce, args=(k * 1000,)) for k in range(4)]
    for t in producers:
        t.start()
    for t in producers:
        t.join()
    consumer.join(timeout=60)
    assert errors == []
    assert sorted(received) == sorted(k * 1000 + i for k in range(4) for i in range(sent // 4))
    assert not list((tmp_path / "staging").iterdir())
