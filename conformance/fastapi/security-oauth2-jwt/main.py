import hashlib
import hmac
import os
import sys
import time
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel

# Not on the page folder: a folder of conformance/fastapi on sys.path would shadow packages (websockets).
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fastapi-support"))
import hs256  # noqa: E402  (PyJWT's encode/decode, from the standard library)

# In a real app: a secret of at least 32 random bytes from the environment, never in the code.
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7"
).encode()
ACCESS_TOKEN_EXPIRE_MINUTES = 30


def hash_password(password: str) -> str:
    """`salt:hash`, both hex: scrypt with a random salt per password (as the typefast sample)."""
    salt = os.urandom(16)
    return f"{salt.hex()}:{hashlib.scrypt(password.encode(), salt=salt, n=16384, r=8, p=1, dklen=64).hex()}"


def verify_password(password: str, stored: str) -> bool:
    salt, digest = stored.split(":")
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=16384, r=8, p=1, dklen=64)
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


class Token(BaseModel):
    access_token: str
    token_type: str


class User(BaseModel):
    username: str
    email: str
    full_name: str
    disabled: bool


class UserInDB(User):
    hashed_password: str


fake_users_db = {
    "johndoe": {
        "username": "johndoe",
        "full_name": "John Doe",
        "email": "johndoe@example.com",
        "hashed_password": hash_password("secret"),
        "disabled": False,
    }
}

# Checked when the user does not exist, so that a wrong name takes as long as a wrong password.
DUMMY_HASH = hash_password("dummy password")

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")

app = FastAPI()


def get_user(db, username: str):
    if username in db:
        return UserInDB(**db[username])


def authenticate_user(db, username: str, password: str):
    user = get_user(db, username)
    matches = verify_password(password, user.hashed_password if user else DUMMY_HASH)
    return user if user and matches else None


def create_access_token(username: str) -> str:
    return hs256.encode({"sub": username, "exp": int(time.time()) + ACCESS_TOKEN_EXPIRE_MINUTES * 60}, SECRET_KEY)


async def get_current_user(token: Annotated[str, Depends(oauth2_scheme)]):
    credentials_exception = HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    try:
        payload = hs256.decode(token, SECRET_KEY)
    except hs256.InvalidTokenError:
        raise credentials_exception
    username = payload.get("sub")
    if username is None:
        raise credentials_exception
    user = get_user(fake_users_db, username)
    if user is None:
        raise credentials_exception
    return user


async def get_current_active_user(current_user: Annotated[User, Depends(get_current_user)]):
    if current_user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return current_user


@app.post("/token", response_model=Token)
async def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = authenticate_user(fake_users_db, form_data.username, form_data.password)
    if not user:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Incorrect username or password",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(access_token=create_access_token(user.username), token_type="bearer")


@app.get("/users/me/", response_model=User)
async def read_users_me(current_user: Annotated[User, Depends(get_current_active_user)]):
    return current_user
