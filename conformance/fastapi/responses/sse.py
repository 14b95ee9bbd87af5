import asyncio
from collections.abc import AsyncIterable

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent

app = FastAPI()


async def prices():
    yield ServerSentEvent(retry=5000, comment="stream opened")
    for id in range(1, 4):
        yield ServerSentEvent(event="price", id=str(id), data={"symbol": "TF", "price": 100 + id})
        await asyncio.sleep(0.01)


@app.get("/prices", response_class=EventSourceResponse)
async def price_feed() -> AsyncIterable[ServerSentEvent]:
    async for event in prices():
        yield event
