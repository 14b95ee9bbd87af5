from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ItemOut(BaseModel):
    id: int
    name: str


class Message(BaseModel):
    message: str


items = {1: "Foo"}

app = FastAPI()


@app.get("/items/{item_id}", response_model=ItemOut, responses={404: {"model": Message}})
def read_item(item_id: int):
    name = items.get(item_id)
    if name is None:
        return JSONResponse(status_code=404, content={"message": "Item not found"})
    return ItemOut(id=item_id, name=name)


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int):
    items.pop(item_id, None)
