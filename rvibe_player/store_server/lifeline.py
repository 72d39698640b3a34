"""Worker processes stop when their supervisor dies, instead of serving on as orphans.

``rvibe-store serve --workers N`` runs a supervising process that spawns the workers; they
share its listening socket. If the supervisor is killed (``kill -9``, an OOM kill) nothing
tells the workers: they kept serving as orphans, holding the port, and a restart failed with
"Address already in use". Each worker now watches its parent and, once it is gone, shuts
itself down the usual way (SIGTERM: in-flight requests get the graceful shutdown).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

log = logging.getLogger(__name__)

ENV_SUPERVISOR = "RVIBE_STORE_SUPERVISOR_PID"
"""Set by the supervisor for its workers: the process whose death ends them."""
CHECK_EVERY_S = 0.5
FORCE_AFTER_S = 15.0
"""If the graceful shutdown has not ended the worker by then, it exits at once."""


def follow_supervisor() -> bool:
    """In a worker: stop when the supervisor named in the environment is gone.

    Returns whether there is a supervisor to follow (a single-process store has none).
    """
    raw = os.environ.get(ENV_SUPERVISOR, "")
    if not raw.isdigit():
        return False
    supervisor = int(raw)
    thread = threading.Thread(target=_watch, args=(supervisor,), name="rvibe-lifeline", daemon=True)
    thread.start()
    return True


def _watch(supervisor: int) -> None:
    while os.getppid() == supervisor:  # reparented (to init or a subreaper) once it dies
        time.sleep(CHECK_EVERY_S)
    log.warning("the supervising process %d is gone; this worker stops", supervisor)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(FORCE_AFTER_S)
    log.error("the graceful shutdown did not finish; exiting now")
    os._exit(1)
