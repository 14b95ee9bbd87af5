from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

router = APIRouter(prefix="/items", tags=["items"], responses={404: {"description": "Not found"}})


class ItemName(BaseModel):
    name: str


@router.get("/{item_id}")
def read_item(item_id):
    return {"name": "Fake Specific Item", "item_id": item_id}


@router.put(
    "/{item_id}",
    status_code=201,
    responses={201: {"description": "Item replaced"}, 403: {"description": "Operation forbidden"}},
)
def update_item(item_id, item: ItemName):
    return {"item_id": item_id, "name": item.name}


app = FastAPI()
app.include_router(router)
