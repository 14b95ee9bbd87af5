from fastapi import FastAPI

app = FastAPI(
    title="Tuned Swagger UI",
    swagger_ui_parameters={
        "syntaxHighlight": {"theme": "obsidian"},
        "deepLinking": False,
        "defaultModelsExpandDepth": -1,
        "tryItOutEnabled": True,
    },
)


@app.get("/users/{username}")
def read_user(username):
    return {"message": f"Hello {username}"}
