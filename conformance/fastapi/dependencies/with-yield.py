from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()

session_log: list[str] = []


class Session:
    def find(self, item_id: int):
        return {"id": item_id, "name": "Plumbus"} if item_id == 1 else None


async def open_session():
    session_log.append("open")
    try:
        yield Session()
    except Exception as error:
        session_log.append(f"rollback after {error}")
        raise
    finally:
        session_log.append("close")


@app.get("/items/{item_id}")
async def read_item(item_id: int, session: Annotated[Session, Depends(open_session)]):
    item = session.find(item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="Item not found")
    return item
