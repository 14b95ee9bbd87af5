from typing import Annotated

from fastapi import FastAPI, Form

app = FastAPI()


# application/x-www-form-urlencoded (an HTML <form>).
@app.post("/login")
async def login(
    username: Annotated[str, Form(min_length=1)],
    password: Annotated[str, Form()],
    remember: Annotated[bool, Form()] = False,
):
    return {"username": username, "remember": remember}
