"""The physical floor: a bare websocket echo (ASGI under uvicorn, no socket.io, no Reflex).

    python -m benchmarks.load.echo_server --port 3159

Its round trip under the same machine load is what the network stack, the ASGI server and
the websocket framing cost; the portal's events are reported as ratios to it.
"""

from __future__ import annotations

import argparse


async def app(scope, receive, send):
    """Echo every text or binary message back; nothing else."""
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    if scope["type"] != "websocket":
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    while True:
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif message["type"] == "websocket.receive":
            await send({"type": "websocket.send", **{k: message.get(k) for k in ("text", "bytes")}})
        else:
            return


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3159)
    args = parser.parse_args()
    uvicorn.run(app, host=args.host, port=args.port, ws="wsproto", log_level="warning")


if __name__ == "__main__":
    main()
