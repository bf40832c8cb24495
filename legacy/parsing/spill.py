"""Pages set aside on disk between the passes of a site's parse (pure).

A site is learnt from all of its pages before any of them is finished
(``parser.parse_site``), and a page cut into units takes many times its size in memory
once learning has read it (its units, their words, their keys). Held for every page of a
run, that grew with the mirror: 100 pages of 1.5 MB peaked at 2.7 GB (issue 21, finding
7). So each prepared page is written to one temporary file as soon as it is made and read
back, one page at a time, by each later pass: a run holds one page's units at a time,
whatever its size. Reading a page back costs a tenth of preparing it again.

The file is anonymous (unlinked from the start: nothing is left behind, whatever happens)
and only ever read by the process that wrote it, so unpickling it trusts no one else.
"""

import pickle
import tempfile
from typing import Any, Self

Handle = tuple[int, int]  # where a value starts in the file, and its size in bytes


class Spill:
    """Values written to a temporary file and read back by their ``Handle``."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="legacy-parse-")  # noqa: SIM115 - closed by close()
        self._end = 0

    def put(self, value: Any) -> Handle:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        handle = (self._end, len(data))
        self._end += len(data)
        return handle

    def get(self, handle: Handle) -> Any:
        start, size = handle
        self._file.seek(start)
        return pickle.loads(self._file.read(size))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
