from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse

# The typefast sample's own file, so both serve the very same bytes.
report = Path(__file__).resolve().parents[3] / "docs" / "samples" / "responses" / "report.csv"

app = FastAPI()


@app.get("/report")
def read_report():
    return FileResponse(report)


@app.get("/report/download")
def download(name: str = "report.csv"):
    return FileResponse(report, filename=name)
