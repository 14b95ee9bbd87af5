import os

from fastapi import FastAPI

# No document, no /docs and no /redoc in production; all of them everywhere else.
openapi_url = None if os.environ.get("NODE_ENV") == "production" else "/openapi.json"

app = FastAPI(title="Private API", openapi_url=openapi_url)


@app.get("/items/")
def read_items():
    return [{"name": "Foo"}]
