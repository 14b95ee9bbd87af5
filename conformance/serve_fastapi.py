"""Serve every FastAPI twin under conformance/fastapi/ from one process, each on its own port.

One process keeps the suite's start-up to a single interpreter and a single import of FastAPI.
When every server listens, prints one JSON line {"<page>/<sample>": port, ...} and serves until
stdin closes (the runner's way of stopping it, which also works when the runner dies).
"""

import asyncio
import importlib.util
import json
import logging
import socket
import sys
from pathlib import Path

import uvicorn

TWINS = Path(__file__).resolve().parent / "fastapi"


def load_app(path: Path):
    # Twins are named after the typefast samples (with hyphens), so they are loaded by path.
    spec = importlib.util.spec_from_file_location(f"twin_{path.parent.name}_{path.stem}".replace("-", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


def bound_socket() -> socket.socket:
    # The socket is bound here (port 0) so the port is known before uvicorn starts serving it.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def main() -> None:
    only = set(sys.argv[1:])
    servers, ports = [], {}
    for path in sorted(TWINS.glob("*/*.py")):
        key = f"{path.parent.name}/{path.stem}"
        if only and key not in only:
            continue
        sock = bound_socket()
        config = uvicorn.Config(
            load_app(path), log_level="warning", access_log=False, lifespan="on", timeout_graceful_shutdown=2
        )
        servers.append((uvicorn.Server(config), sock))
        ports[key] = sock.getsockname()[1]
    tasks = [asyncio.create_task(server.serve(sockets=[sock])) for server, sock in servers]
    while not all(server.started for server, _ in servers):
        if any(task.done() for task in tasks):
            for task in tasks:
                if task.done():
                    task.result()
            raise SystemExit("a twin failed to start")
        await asyncio.sleep(0.02)
    print(json.dumps(ports), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for server, _ in servers:
        server.should_exit = True
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    asyncio.run(main())
