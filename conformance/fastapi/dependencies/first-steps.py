from typing import Annotated

from fastapi import Depends, FastAPI, Query

app = FastAPI()


async def common_parameters(
    q: str | None = None,
    skip: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=100)] = 100,
):
    return {"q": q, "skip": skip, "limit": limit}


@app.get("/items")
async def read_items(commons: Annotated[dict, Depends(common_parameters)]):
    return commons


@app.get("/users")
async def read_users(commons: Annotated[dict, Depends(common_parameters)]):
    return commons
