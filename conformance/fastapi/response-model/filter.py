from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field


class UserIn(BaseModel):
    username: str
    password: str = Field(min_length=8)
    email: EmailStr


class UserOut(BaseModel):
    username: str
    email: str


app = FastAPI()


@app.post("/users/", response_model=UserOut, status_code=201)
def create_user(user: UserIn):
    return user
