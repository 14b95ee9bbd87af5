from typing import Annotated

from fastapi import FastAPI, File, Form, UploadFile
from pydantic import BaseModel, Json

app = FastAPI()


class Metadata(BaseModel):
    tags: list[str]
    public: bool


# multipart/form-data: files, plain fields and a JSON-typed field in one form.
@app.post("/documents", status_code=201)
async def upload_document(
    title: Annotated[str, Form()],
    document: UploadFile,
    metadata: Annotated[Json[Metadata], Form()],
    attachments: Annotated[list[UploadFile] | None, File()] = None,
):
    text = (await document.read()).decode()
    return {
        "title": title,
        "filename": document.filename,
        "contentType": document.content_type,
        "size": document.size,
        "lines": len(text.split("\n")),
        "attachments": [file.filename for file in attachments or []],
        "tags": metadata.tags,
    }
