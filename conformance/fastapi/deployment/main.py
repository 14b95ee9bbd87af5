import os

from fastapi import FastAPI

app = FastAPI(title="Shop", root_path=os.environ.get("ROOT_PATH", ""))


@app.get("/health")
def health():
    return {"status": "ok", "pid": os.getpid()}
