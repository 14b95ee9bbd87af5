from fastapi import FastAPI

app = FastAPI(title="My first API")


@app.get("/")
def root():
    return {"message": "Hello World"}
