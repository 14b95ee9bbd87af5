from fastapi import FastAPI

app = FastAPI()


@app.get("/boom")
def boom():  # the sample's return annotation is TypeScript's only: no response schema
    raise RuntimeError("database password is hunter2")
