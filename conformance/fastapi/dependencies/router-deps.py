from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException


async def verify_token(x_token: Annotated[str, Header()]):
    if x_token != "fake-super-secret-token":
        raise HTTPException(status_code=400, detail="X-Token header invalid")


async def verify_key(x_key: Annotated[str, Header()]):
    if x_key != "fake-super-secret-key":
        raise HTTPException(status_code=400, detail="X-Key header invalid")
    return x_key


# Router-level dependencies run for every route of the router.
items = APIRouter(prefix="/items", dependencies=[Depends(verify_token)])


@items.get("/")
async def read_items():
    return [{"item": "Portal Gun"}, {"item": "Plumbus"}]


# App-level dependencies run for every route of the app.
app = FastAPI(dependencies=[Depends(verify_key)])
app.include_router(items)


@app.get("/users")
async def read_users():
    return [{"username": "Rick"}, {"username": "Morty"}]
