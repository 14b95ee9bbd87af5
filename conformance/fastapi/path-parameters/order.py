from fastapi import FastAPI

app = FastAPI()


# Declared in the sample's order: the parameter route first, so FastAPI matches /users/me to it.
@app.get("/users/{user_id}")
def read_user(user_id):
    return {"user_id": user_id}


@app.get("/users/me")
def read_user_me():
    return {"user_id": "the current user"}
