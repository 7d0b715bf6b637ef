"""The reverse proxy of ``./suite run`` in front of Odoo's multi-process server.

Odoo's HTTP workers cannot hold a websocket: the multi-process server serves
``/websocket`` from its gevent process, on its own port (``gevent_port``), and
a reverse proxy sends ``/websocket`` there and everything else to the HTTP
workers (Odoo's deployment guide, nginx's ``location /websocket``). Without it
every browser tab's websocket reached a worker, which logged
``KeyError: 'socket'`` and Discuss never updated live.

This proxy does the same on the public port, with the standard library only.
Each client connection is routed once, by the path of its first request, then
its bytes are copied both ways: a browser opens a connection of its own for a
websocket, and keeps its other requests on the connections to the workers.
The request is forwarded untouched (the ``Host`` header included), so Odoo
needs no ``proxy_mode`` behind it.
"""

import asyncio
import contextlib
import signal
import subprocess

WEBSOCKET_PREFIX = b"/websocket"
HEAD_LIMIT = 65536  # bytes of a request line and headers
STOP_TIMEOUT = 30  # seconds Odoo has to stop before it is killed


def route(head, http_port, ws_port):
    """The port serving the request whose line and headers are ``head``."""
    parts = head.split(b"\r\n", 1)[0].split(b" ")
    path = parts[1] if len(parts) > 1 else b"/"
    path = path.split(b"?", 1)[0]
    if path == WEBSOCKET_PREFIX or path.startswith(WEBSOCKET_PREFIX + b"/"):
        return ws_port
    return http_port


async def _pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(Exception):
            writer.close()


async def _handle(client_reader, client_writer, http_port, ws_port):
    try:
        head = await client_reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
        client_writer.close()
        return
    port = route(head, http_port, ws_port)
    try:
        odoo_reader, odoo_writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        # Odoo not listening yet (starting) or gone: the browser retries
        client_writer.write(
            b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n"
        )
        with contextlib.suppress(ConnectionError):
            await client_writer.drain()
        client_writer.close()
        return
    odoo_writer.write(head)
    await asyncio.gather(
        _pipe(client_reader, odoo_writer), _pipe(odoo_reader, client_writer)
    )


async def _serve(odoo, port, http_port, ws_port):
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    server = await asyncio.start_server(
        lambda r, w: _handle(r, w, http_port, ws_port),
        port=port,
        limit=HEAD_LIMIT,
        reuse_address=True,
    )
    exited = asyncio.ensure_future(asyncio.to_thread(odoo.wait))
    stopped = asyncio.ensure_future(stop.wait())
    await asyncio.wait([exited, stopped], return_when=asyncio.FIRST_COMPLETED)
    server.close()
    stopped.cancel()
    if odoo.poll() is None:
        odoo.terminate()
        try:
            await asyncio.wait_for(exited, STOP_TIMEOUT)
        except TimeoutError:
            odoo.kill()
    await exited
    return odoo.returncode


def serve(odoo_cmd, port, http_port, ws_port):
    """Start Odoo (``odoo_cmd``, its HTTP workers on ``http_port`` and its
    websocket process on ``ws_port``) and serve both on ``port`` until Odoo
    exits or this process is interrupted; return Odoo's exit status."""
    odoo = subprocess.Popen(odoo_cmd)
    try:
        return asyncio.run(_serve(odoo, port, http_port, ws_port))
    finally:
        if odoo.poll() is None:
            odoo.kill()
            odoo.wait()
