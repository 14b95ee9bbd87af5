from contextlib import asynccontextmanager
from datetime import datetime, timezone
from typing import Annotated

from fastapi import Depends, FastAPI, Request


class ModelRegistry:
    def __init__(self):
        self.models = {}
        self.closed = False

    def close(self):
        self.closed = True


# Set up before the first request, torn down at shutdown; what it yields is the request state.
@asynccontextmanager
async def lifespan(app: FastAPI):
    registry = ModelRegistry()
    registry.models["double"] = lambda x: x * 2
    yield {"registry": registry, "started_at": datetime(2025, 1, 1, tzinfo=timezone.utc)}
    registry.close()


def get_model(request: Request):
    return request.state.registry.models["double"]


app = FastAPI(lifespan=lifespan)


@app.get("/predict/{x}")
async def predict(x: float, request: Request, model: Annotated[object, Depends(get_model)]):
    # toISOString's form, as the typefast sample answers it.
    since = request.state.started_at.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {"result": model(x), "since": since}
