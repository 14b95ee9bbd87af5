import re
import uuid

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.middleware.trustedhost import TrustedHostMiddleware

app = FastAPI()

# Up to 200 visible ASCII characters: anything else from a client is replaced, never echoed.
USABLE_REQUEST_ID = re.compile(rb"[\x21-\x7e]{1,200}")


class RequestIdMiddleware:
    """Starlette has no request-id middleware: this one does what typefast's requestId() does."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        incoming = dict(scope["headers"]).get(b"x-request-id")
        request_id = incoming if incoming and USABLE_REQUEST_ID.fullmatch(incoming) else str(uuid.uuid4()).encode()
        headers = [(name, value) for name, value in scope["headers"] if name != b"x-request-id"]
        scope = {**scope, "headers": [*headers, (b"x-request-id", request_id)]}

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), (b"x-request-id", request_id)]}
            await send(message)

        await self.app(scope, receive, send_with_id)


# Starlette wraps each added middleware around the previous ones: added last, run first.
app.add_middleware(GZipMiddleware, minimum_size=500)
app.add_middleware(RequestIdMiddleware)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com"],
    allow_methods=["GET", "POST"],
    allow_headers=["Authorization"],
    allow_credentials=True,
    expose_headers=["X-Request-ID"],
)
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["example.com", "*.example.com", "localhost", "127.0.0.1"])


@app.get("/items")
async def read_items(request: Request):
    return {
        "requestId": request.headers.get("x-request-id"),
        "items": [{"id": i, "name": f"item {i}"} for i in range(50)],
    }
