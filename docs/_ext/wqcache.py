# SPDX-License-Identifier: GPL-2.0-only
"""One loaded copy of a build input per version of its file.

The book's extensions read inputs that the build writes before Sphinx runs
(Doxygen's XML, the tests' report, the labs' manifest).  They keep the
parsed form out of Sphinx's pickled environment and reload it when the file
changes: :func:`once_per_version` is that cache, shared by all of them.
"""

import os


def once_per_version(cache, path, load, stamp_of=None):
    """``load(exists)`` once per modification time of ``stamp_of`` (default
    ``path``); ``exists`` is False when that file is missing.  ``cache`` is
    the caller's own dict and holds one entry at a time."""
    try:
        stamp = os.stat(stamp_of or path).st_mtime_ns
    except OSError:
        stamp = None
    key = (path, stamp)
    if key not in cache:
        cache.clear()
        cache[key] = load(stamp is not None)
    return cache[key]
