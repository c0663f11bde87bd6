"""Start nx-27017, a MongoDB wire-protocol server, for tests (no mongod package on this machine)."""

import socket
import subprocess
import sys
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_mongo_wire_server(data_dir: Path, port: int | None = None) -> tuple[subprocess.Popen, int]:
    """Start nx-27017 on 127.0.0.1 (a free port unless given); return it once it accepts connections."""
    port = port or free_port()
    log = data_dir / "nx-27017.log"
    proc = subprocess.Popen(  # noqa: S603 (fixed argument list)
        [Path(sys.executable).parent / "nx-27017", "--host", "127.0.0.1", "--port", str(port),
         "--data-dir", str(data_dir), "--log-file", str(log), "--pid-file", str(data_dir / "nx-27017.pid")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(
                    f"nx-27017 did not start: {log.read_text()[-2000:] if log.exists() else ''}"
                ) from None
            time.sleep(0.1)


if __name__ == "__main__":  # ./test's services run: python -m jobs.mongo_wire_server DATA_DIR PORT
    server, _ = start_mongo_wire_server(Path(sys.argv[1]), int(sys.argv[2]))
    print(server.pid)
