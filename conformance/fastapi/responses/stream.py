import asyncio

from fastapi import FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


async def countdown(start: int):
    for n in range(start, 0, -1):
        yield f"{n}...\n"
        await asyncio.sleep(0.01)
    yield "liftoff!\n"


@app.get("/countdown")
def countdown_stream():
    return StreamingResponse(countdown(3), media_type="text/plain; charset=utf-8")
