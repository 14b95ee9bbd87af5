from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()

items = {"foo": "The Foo Wrestlers"}


class ItemOut(BaseModel):
    item: str


@app.get("/items/{item_id}", response_model=ItemOut)
def read_item(item_id):  # untyped, as the sample declares no params schema
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found", headers={"X-Error": "There goes my error"})
    return {"item": items[item_id]}
