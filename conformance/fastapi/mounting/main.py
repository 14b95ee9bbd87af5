from fastapi import FastAPI

# A second app with its own routes, docs and OpenAPI document.
admin = FastAPI(title="Admin API")


@admin.get("/users")
def list_users():
    return [{"name": "ada"}]


app = FastAPI(title="Shop API", root_path="/shop")


@app.get("/items")
def list_items():
    return [{"name": "Widget"}]


app.mount("/admin", admin)
