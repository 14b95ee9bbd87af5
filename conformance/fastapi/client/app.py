import asyncio
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field


class Item(BaseModel):
    id: int
    name: str
    price: float


class NewItem(BaseModel):
    name: str = Field(min_length=1)
    price: float = Field(gt=0)


class NotFound(BaseModel):
    message: str


items = {1: {"id": 1, "name": "Hammer", "price": 9.5}}


def api_key(x_api_key: Annotated[str, Header()]):
    if x_api_key != "secret":
        raise HTTPException(status_code=401, detail="Invalid API key")


app = FastAPI(title="Shop")


@app.get("/items/{item_id}", response_model=Item, responses={404: {"model": NotFound}})
def read_item(item_id: int):
    item = items.get(item_id)
    if item is None:
        return JSONResponse(status_code=404, content={"message": f"No item {item_id}"})
    return item


@app.post("/items", status_code=201, response_model=Item, dependencies=[Depends(api_key)])
def create_item(new_item: NewItem):
    item = {"id": len(items) + 1, **new_item.model_dump()}
    items[item["id"]] = item
    return item


@app.get("/report")
async def report(delay_ms: Annotated[int, Query(ge=0)] = 0):
    await asyncio.sleep(delay_ms / 1000)  # a slow endpoint
    return {"total": len(items)}
