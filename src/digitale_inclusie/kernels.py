"""The Jupyter kernels that run the book's pages outside Jupyter Book's own reader (the build's
pre-execution, ``make notebooks``, ``make lab``'s preparation, the tests): connected over Unix
sockets, not TCP ports.

jupyter_client picks a kernel's TCP ports by asking the system for free ones and letting them go
before the kernel binds them. Where several kernels start at once (the build runs two pages side
by side, the tests run builds and chapters side by side), another process can take such a port in
between: the client then talks into a void, and both wait until the cell's time-out (seen: a
chapter stood still for five minutes, kernel and client idle). Unix sockets in a private folder
have no such race.
"""

import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def ipc_kernel(kernel_name="python3"):
    """A kernel manager (not started: nbclient starts it) whose kernel listens on Unix sockets
    in a private temporary folder; the kernel is shut down and the folder removed afterwards."""
    from jupyter_client import KernelManager

    with tempfile.TemporaryDirectory(prefix="di-kernel-") as sockets:
        km = KernelManager(kernel_name=kernel_name, transport="ipc", ip=str(Path(sockets) / "ipc"))
        try:
            yield km
        finally:  # nbclient leaves a kernel it did not start running
            if km.has_kernel:
                km.shutdown_kernel(now=True)
