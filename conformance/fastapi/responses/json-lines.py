from collections.abc import AsyncIterable

from fastapi import FastAPI
from pydantic import BaseModel


class Row(BaseModel):
    id: int
    name: str


rows = [{"id": 1, "name": "Widget", "cost": 4.2}, {"id": 2, "name": "Gadget", "cost": 11}]

app = FastAPI()


# FastAPI's streaming JSON Lines: an async generator with a declared item type.
@app.get("/rows")
async def export_rows() -> AsyncIterable[Row]:
    for row in rows:
        yield row
