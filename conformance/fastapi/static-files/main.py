from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

# The typefast sample's own folder: both twins serve the same files.
public_dir = Path(__file__).resolve().parents[3] / "docs" / "samples" / "static-files" / "public"


class SinglePageApp(StaticFiles):
    """A single-page app: unknown paths get index.html, so the client-side router takes over."""

    async def get_response(self, path, scope):
        try:
            return await super().get_response(path, scope)
        except HTTPException as error:
            if error.status_code != 404:
                raise
            return await super().get_response("index.html", scope)


app = FastAPI()


@app.get("/api/health")
def health():
    return {"ok": True}


# /static/app.js, /static/ (index.html); nothing outside ./public is reachable.
app.mount("/static", StaticFiles(directory=public_dir, html=True), name="static")
app.mount("/app", SinglePageApp(directory=public_dir, html=True), name="app")
