from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class Item(BaseModel):
    id: str
    value: str


class Message(BaseModel):
    message: str


items = {"foo": "there goes my hero"}

app = FastAPI()


@app.get(
    "/items/{item_id}",
    response_model=Item,
    responses={
        200: {"description": "The item, found by its id"},
        404: {"description": "The item was not found", "model": Message},
        403: {},
    },
)
def read_item(item_id):  # untyped, as the sample declares no params schema
    if item_id == "secret":
        raise HTTPException(status_code=403, detail="Not yours")
    if item_id not in items:
        return JSONResponse(status_code=404, content={"message": "Item not found"})
    return {"id": item_id, "value": items[item_id]}
