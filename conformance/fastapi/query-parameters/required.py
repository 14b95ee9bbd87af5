from typing import Annotated

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/items/{item_id}")
def read_user_item(
    item_id,
    needy: str,
    limit: Annotated[int | None, Query(ge=1, le=100)] = None,
    tag: Annotated[list[str], Query()] = [],
):
    return {"item_id": item_id, "needy": needy, "limit": limit, "tags": tag}
