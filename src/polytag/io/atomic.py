"""Writing a file atomically: readers, and a run killed midway, see the old file or the new
one, never half of one."""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path


def write_atomic(target: Path, write: Callable[[Path], object]) -> None:
    """Call ``write(tmp_path)`` and move the result onto ``target``. The temporary file sits
    beside ``target`` (same filesystem, so the move is atomic) and is created by ``write``
    like any file, with the usual permissions."""
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
