"""The cache on local disk used without Redis: Django's file cache minus two costs per write.

Django's ``FileBasedCache.set`` lists the whole cache folder (``_cull``) on every write, and
writes a new file even when the value is the one already stored. Wagtail's ``get_rendition``
stores each rendition in the cache on every call, hit or miss, so a home page with nine
pictures made nine writes per request, each also listing a folder that fills with pages,
fragments and renditions: at 2,000 files a write cost ~9 ms here instead of ~0.1 ms for a
read (bench/README.md, "The home page regression").

Here a write that would store the bytes already stored, with at least half of its lifetime
left, is skipped; and the folder is counted (and culled past ``MAX_ENTRIES``) once every
``CULL_EVERY`` writes of each process instead of on each, so it may overshoot by
``CULL_EVERY`` entries per process between counts.
"""

import os
import pickle
import tempfile
import time
import zlib

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class DiskCache(FileBasedCache):
    def __init__(self, dir: str, params: dict) -> None:
        super().__init__(dir, params)
        self._cull_every = max(1, int(params.get("OPTIONS", {}).get("CULL_EVERY", 200)))
        self._writes = 0

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        fname = self._key_to_file(key, version)
        payload = zlib.compress(pickle.dumps(value, self.pickle_protocol))
        expiry = self.get_backend_timeout(timeout)
        if self._already_holds(fname, payload, expiry):
            return
        self._writes += 1
        if self._writes % self._cull_every == 1 or self._cull_every == 1:
            self._cull()
        self._write(fname, pickle.dumps(expiry, self.pickle_protocol) + payload)

    def _already_holds(self, fname: str, payload: bytes, expiry: float | None) -> bool:
        """Whether ``fname`` stores ``payload`` and keeps it at least half as long as asked."""
        try:
            with open(fname, "rb") as f:
                stored_expiry = pickle.load(f)
                stored = f.read()
        except (FileNotFoundError, EOFError, pickle.UnpicklingError):
            return False
        if stored != payload:
            return False
        if expiry is None or stored_expiry is None:
            return expiry is None and stored_expiry is None
        now = time.time()
        return stored_expiry - now >= (expiry - now) / 2

    def _write(self, fname: str, content: bytes) -> None:
        try:
            fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        except FileNotFoundError:  # the folder was deleted under us (a clear, an operator)
            self._createdir()
            fd, tmp_path = tempfile.mkstemp(dir=self._dir)
        try:
            with open(fd, "wb") as f:
                f.write(content)
            os.replace(tmp_path, fname)
        except BaseException:
            os.remove(tmp_path)
            raise
