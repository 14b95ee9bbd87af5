from fastapi import FastAPI

app = FastAPI()


@app.get("/files/{file_path:path}")
def read_file(file_path):  # untyped, as the sample declares no params schema
    return {"file_path": file_path}
