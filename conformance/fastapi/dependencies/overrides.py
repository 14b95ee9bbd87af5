import json
import os
import urllib.request
from typing import Annotated

from fastapi import Depends, FastAPI

app = FastAPI()


# In production this would call another service.
async def fetch_current_user():
    base = os.environ.get("USERS_SERVICE", "http://127.0.0.1:8001")
    with urllib.request.urlopen(f"{base}/users/me") as response:
        return json.load(response)


@app.get("/me")
async def read_me(user: Annotated[dict, Depends(fetch_current_user)]):
    return {"name": user["name"]}
