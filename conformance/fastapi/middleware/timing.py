import time

from fastapi import FastAPI, Request

app = FastAPI()


@app.middleware("http")
async def process_time(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    response.headers["X-Process-Time"] = f"{(time.perf_counter() - started) * 1000:.2f}ms"
    return response


@app.get("/")
async def root():
    return {"message": "Hello World"}
