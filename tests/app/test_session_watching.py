"""After the first scan the session follows the folder, and watchdog loads off the owner thread.

In a child process, so that watchdog is not imported yet (this test process may have it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.make_corpus import Manifest

SESSION = """
import json, shutil, sys, threading
from pathlib import Path

importers = []
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "watchdog":
            importers.append(threading.current_thread().name)
        return None
sys.meta_path.insert(0, Spy())

from rvibe_player.app.events import LibraryChanged, ScanFinished
from rvibe_player.app.session import build_session
from rvibe_player.playback.dispatch import QueueDispatcher

folder, extra = sys.argv[1:3]
dispatcher = QueueDispatcher()
session = build_session(dispatcher.post)
finished, changed = [], []
session.events.subscribe(ScanFinished, finished.append)
session.events.subscribe(LibraryChanged, changed.append)
session.add_folder(folder)
assert dispatcher.run_until(lambda: finished, 120), "the scan finished"
assert dispatcher.run_until(lambda: session.watcher is not None, 30), "watching started"
# the watches are set up on a thread of their own: a file copied before they are in place
# would only be seen by the next scan
assert session.watcher.ready.wait(30), "the watches are in place"
assert not session.watcher.problems, session.watcher.problems
before = len(session.reader.search_ids(""))
shutil.copy(extra, Path(folder) / "Arrived Later.flac")
found = dispatcher.run_until(lambda: len(session.reader.search_ids("")) == before + 1, 30)
session.close()
print(json.dumps({"importers": importers, "found": found, "before": before,
                  "owner": threading.current_thread().name}))
"""


def test_the_first_scan_starts_watching_without_loading_watchdog_on_the_owner_thread(
    small_corpus: Manifest, tmp_path: Path, isolated_user_dirs: Path
) -> None:
    folder = tmp_path / "music"
    shutil.copytree(small_corpus.root, folder)
    extra = tmp_path / "extra.flac"
    flac = next(t.path for t in small_corpus.tracks if t.format == "flac")
    shutil.copy(small_corpus.root / flac, extra)
    result = subprocess.run(
        [sys.executable, "-c", SESSION, str(folder), str(extra)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["before"] == len(small_corpus.tracks)
    assert outcome["found"], "a file copied into the watched folder joined the library"
    assert outcome["importers"] and outcome["owner"] not in outcome["importers"]
    assert set(outcome["importers"]) == {"watcher-import"}
