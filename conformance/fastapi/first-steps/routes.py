from fastapi import APIRouter, FastAPI

app = FastAPI()


@app.get("/health")
def health():
    return {"ok": True}


greetings = APIRouter(prefix="/greetings", tags=["greetings"])


@greetings.get("/")
def list_greetings():
    return ["hello", "bonjour"]


@greetings.get("/{language}")
def read_greeting(language):
    return {"language": language}


app.include_router(greetings)
