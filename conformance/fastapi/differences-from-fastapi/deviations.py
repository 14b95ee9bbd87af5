from fastapi import FastAPI
from pydantic import BaseModel, Field


class NewUser(BaseModel):
    name: str
    password: str = Field(min_length=8)


app = FastAPI()


@app.get("/users/{user_id}")
def read_user(user_id):
    return {"user_id": user_id}


@app.get("/users/me")
def read_user_me():
    return {"user_id": "the current user"}


@app.put("/users/{user_id}")
def replace_user(user_id, user: NewUser):
    return {"user_id": user_id, "name": user.name}


@app.get("/boom")
def boom():  # the sample's return annotation is TypeScript's only: no response schema
    raise RuntimeError("unexpected")
