from fastapi import APIRouter, FastAPI

tags_metadata = [
    {"name": "users", "description": "Operations with users. The **login** logic is also here."},
    {
        "name": "items",
        "description": "Manage items. So _fancy_ they have their own docs.",
        "externalDocs": {"description": "Items external docs", "url": "https://example.com/items"},
    },
]

app = FastAPI(title="Magic shop", openapi_tags=tags_metadata)

users = APIRouter(prefix="/users", tags=["users"])
items = APIRouter(prefix="/items", tags=["items"])


@users.get("/")
def get_users():
    return [{"name": "Harry"}, {"name": "Ron"}]


@items.get("/")
def get_items():
    return [{"name": "wand"}, {"name": "flying broom"}]


@items.get("/legacy", summary="Items, the old way", description="Use `GET /items` instead.", deprecated=True)
def get_legacy_items():
    return []


app.include_router(users)
app.include_router(items)


@app.get("/health", tags=["ops"], operation_id="health")
def health():
    return {"ok": True}


@app.get("/internal/metrics", include_in_schema=False)
def metrics():
    return {"requests": 0}
