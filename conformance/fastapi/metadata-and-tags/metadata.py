from fastapi import FastAPI

description = """
ChimichangApp API helps you do awesome stuff. 🚀

## Users

You will be able to **create** and **read** users.
""".strip()

app = FastAPI(
    title="ChimichangApp",
    summary="Deadpool's favorite app. Nuff said.",
    description=description,
    version="0.0.1",
    terms_of_service="http://example.com/terms/",
    contact={
        "name": "Deadpoolio the Amazing",
        "url": "http://x-force.example.com/contact/",
        "email": "dp@x-force.example.com",
    },
    license_info={"name": "Apache 2.0", "identifier": "Apache-2.0"},
    servers=[
        {"url": "https://stag.example.com", "description": "Staging environment"},
        {"url": "https://prod.example.com", "description": "Production environment"},
    ],
)


@app.get("/items/")
def read_items():
    return [{"name": "Katana"}]
