from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from pydantic import BaseModel, Field


class Item(BaseModel):
    id: int
    name: str = Field(min_length=1)


class NewItem(BaseModel):
    name: str = Field(min_length=1)


class ItemStore:
    def __init__(self):
        self.items = {}

    def add(self, name: str):
        item = {"id": len(self.items) + 1, "name": name}
        self.items[item["id"]] = item
        return item

    def find(self, id: int):
        return self.items.get(id)


# One store for the whole life of the app: opened at start-up, closed at shutdown.
@asynccontextmanager
async def lifespan(app: FastAPI):
    yield {"store": ItemStore()}


def get_store(request: Request) -> ItemStore:
    return request.state.store


def verify_token(x_token: Annotated[str, Header()]):
    if x_token != "coneofsilence":
        raise HTTPException(status_code=401, detail="Invalid X-Token header")


app = FastAPI(title="Items", lifespan=lifespan)


@app.get("/items/{item_id}", response_model=Item)
def read_item(item_id: int, store: Annotated[ItemStore, Depends(get_store)]):
    item = store.find(item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return item


@app.post("/items", status_code=201, response_model=Item, dependencies=[Depends(verify_token)])
def create_item(new_item: NewItem, store: Annotated[ItemStore, Depends(get_store)]):
    return store.add(new_item.name)
