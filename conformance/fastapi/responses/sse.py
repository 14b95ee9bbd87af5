import asyncio
from collections.abc import AsyncIterable

from fastapi import FastAPI
from fastapi.sse import EventSourceResponse, ServerSentEvent
from pydantic import BaseModel

app = FastAPI()


# A model, as FastAPI's docs send data: written as compact JSON (a dict would be json.dumps'
# spaced text, where typefast writes JSON.stringify's).
class Price(BaseModel):
    symbol: str
    price: int


async def prices():
    yield ServerSentEvent(retry=5000, comment="stream opened")
    for id in range(1, 4):
        yield ServerSentEvent(event="price", id=str(id), data=Price(symbol="TF", price=100 + id))
        await asyncio.sleep(0.01)


@app.get("/prices", response_class=EventSourceResponse)
async def price_feed() -> AsyncIterable[ServerSentEvent]:
    async for event in prices():
        yield event
