import os
import secrets
import sys
import time
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes
from pydantic import BaseModel

# Not on the page folder: a folder of conformance/fastapi on sys.path would shadow packages (websockets).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fastapi-support"))
import hs256  # noqa: E402  (PyJWT's encode/decode, from the standard library)

SECRET_KEY = os.environ.get(
    "SECRET_KEY", "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
).encode()

fake_users_db = {
    "johndoe": {"username": "johndoe", "full_name": "John Doe", "disabled": False, "scopes": ["me", "items"], "password": "secret"},
    "alice": {"username": "alice", "full_name": "Alice Chains", "disabled": False, "scopes": ["me"], "password": "secret2"},
}


class User(BaseModel):
    username: str
    full_name: str
    disabled: bool


class UserInDB(User):
    scopes: list[str]
    password: str


# Each scope the API knows, with the description Swagger UI shows next to its checkbox.
oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="token",
    scopes={"me": "Read information about the current user.", "items": "Read items."},
)

app = FastAPI()


def get_user(db, username: str):
    if username in db:
        return UserInDB(**db[username])


async def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]):
    if security_scopes.scopes:
        authenticate_value = f'Bearer scope="{security_scopes.scope_str}"'
    else:
        authenticate_value = "Bearer"
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": authenticate_value},
    )
    try:
        payload = hs256.decode(token, SECRET_KEY)
    except hs256.InvalidTokenError:
        raise credentials_exception
    username = payload.get("sub")
    scope = payload.get("scope")
    token_scopes = scope.split(" ") if isinstance(scope, str) else []
    user = get_user(fake_users_db, username) if username is not None else None
    if user is None:
        raise credentials_exception
    for scope in security_scopes.scopes:
        if scope not in token_scopes:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail="Not enough permissions",
                headers={"WWW-Authenticate": authenticate_value},
            )
    return user


async def get_current_active_user(current_user: Annotated[User, Security(get_current_user, scopes=["me"])]):
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


@app.post("/token")
async def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = get_user(fake_users_db, form_data.username)
    if not user or not secrets.compare_digest(form_data.password.encode(), user.password.encode()):
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    # Grant only the scopes asked for that the user may have.
    granted = [scope for scope in form_data.scopes if scope in user.scopes]
    claims = {"scope": " ".join(granted), "sub": user.username, "exp": int(time.time()) + 30 * 60}
    return {"access_token": hs256.encode(claims, SECRET_KEY), "token_type": "bearer"}


@app.get("/users/me/", response_model=User)
async def read_users_me(current_user: Annotated[User, Depends(get_current_active_user)]):
    return current_user


@app.get("/users/me/items/")
async def read_own_items(current_user: Annotated[User, Security(get_current_active_user, scopes=["items"])]):
    return [{"item_id": "Foo", "owner": current_user.username}]


@app.get("/status/")
async def read_system_status(current_user: Annotated[User, Depends(get_current_user)]):
    return {"status": "ok"}
