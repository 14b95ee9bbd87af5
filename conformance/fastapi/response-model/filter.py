from fastapi import FastAPI
from pydantic import BaseModel, Field


class UserIn(BaseModel):
    username: str
    password: str = Field(min_length=8)
    # EmailStr needs email-validator, which is not in the pinned set: a plain string here.
    email: str


class UserOut(BaseModel):
    username: str
    email: str


app = FastAPI()


@app.post("/users/", response_model=UserOut, status_code=201)
def create_user(user: UserIn):
    return user
