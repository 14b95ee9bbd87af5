# FastAPI 0.142.2 on uvicorn (uvloop, httptools): the endpoints of ../endpoints.mjs, written as a FastAPI user would,
# with pydantic models for inputs and response_model for outputs. Every function is `async def`, so none runs in
# the thread pool (FastAPI's fast path). Run by ./fastapi.mjs: `python fastapi_app.py` with PORT in the environment.
import os
from typing import Annotated

import uvicorn
from fastapi import Depends, FastAPI, Header
from pydantic import BaseModel, Field


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    price: float = Field(gt=0)
    tags: list[str] = []


class StoredItem(BaseModel):
    id: int
    name: str
    price: float
    tags: list[str]


class ItemAnswer(BaseModel):
    item_id: int
    q: str | None = None


class User(BaseModel):
    id: int
    name: str
    admin: bool


class Ctx(BaseModel):
    userId: int
    locale: str
    scopes: list[str]


class DepsAnswer(BaseModel):
    user: User
    ctx: Ctx


class Message(BaseModel):
    message: str


# /list: the same 100 items as makeList() in ../endpoints.mjs.
LIST = [
    {"id": i, "name": f"Item {i}", "price": i + 0.5, "tags": [f"tag{t}" for t in range(i % 4)]}
    for i in range(1, 101)
]

# No OpenAPI document or docs pages, as the typefast bench app (openapiUrl: false).
app = FastAPI(openapi_url=None)


@app.get("/hello", response_model=Message)
async def hello():
    return {"message": "Hello World"}


# exclude_unset leaves "q" out when it is absent, as the contract asks.
@app.get("/items/{item_id}", response_model=ItemAnswer, response_model_exclude_unset=True)
async def read_item(item_id: int, q: str | None = None):
    return {"item_id": item_id} if q is None else {"item_id": item_id, "q": q}


@app.post("/items", response_model=StoredItem, status_code=201)
async def create_item(item: Item):
    return {"id": 1, **item.model_dump()}


# The /deps chain as three chained dependencies.
async def token(x_token: Annotated[str | None, Header()] = None) -> str:
    return "anon" if x_token is None else x_token


async def user(token: Annotated[str, Depends(token)]) -> dict:
    return {"id": len(token), "name": token, "admin": token == "root"}


async def ctx(user: Annotated[dict, Depends(user)]) -> dict:
    return {"userId": user["id"], "locale": "en", "scopes": ["all"] if user["admin"] else ["read"]}


@app.get("/deps", response_model=DepsAnswer)
async def deps(user: Annotated[dict, Depends(user)], ctx: Annotated[dict, Depends(ctx)]):
    return {"user": user, "ctx": ctx}


@app.get("/list", response_model=list[StoredItem])
async def read_list():
    return LIST


if __name__ == "__main__":
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(os.environ["PORT"]),
        loop="uvloop",
        http="httptools",
        access_log=False,
        log_level="warning",
    )
