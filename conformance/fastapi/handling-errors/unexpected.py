from fastapi import FastAPI

app = FastAPI()


@app.get("/boom")
def boom() -> dict[str, bool]:
    raise RuntimeError("database password is hunter2")
