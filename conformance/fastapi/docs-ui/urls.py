from fastapi import FastAPI

# The typefast sample also serves Swagger UI's assets itself (docsAssetsUrl); FastAPI's page
# loads them from a CDN (the docs-ui guide says so), so only the URLs of the pages are twins.
app = FastAPI(title="Moved docs", openapi_url="/api/v1/openapi.json", docs_url="/documentation", redoc_url=None)


@app.get("/items/")
def read_items():
    return [{"name": "Foo"}]
