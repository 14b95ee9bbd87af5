import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import HTTPBasic, HTTPBasicCredentials

app = FastAPI()

security = HTTPBasic(realm="simple")


def get_current_username(credentials: Annotated[HTTPBasicCredentials, Depends(security)]):
    # Both checks always run, in constant time: how long they take tells an attacker nothing.
    is_correct_username = secrets.compare_digest(credentials.username.encode("utf8"), b"stanleyjobson")
    is_correct_password = secrets.compare_digest(credentials.password.encode("utf8"), b"swordfish")
    if not (is_correct_username and is_correct_password):
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": 'Basic realm="simple"'},
        )
    return credentials.username


@app.get("/users/me")
def read_current_user(username: Annotated[str, Depends(get_current_username)]):
    return {"username": username}
