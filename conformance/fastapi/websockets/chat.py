from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field, ValidationError

app = FastAPI()


class Incoming(BaseModel):
    text: str = Field(min_length=1, max_length=500)


class Outgoing(BaseModel):
    room: int
    user: str
    text: str


def get_current_user(token: str):
    if token != "secret-token":
        raise HTTPException(status_code=403, detail="Invalid token")
    return "ada"


@app.websocket("/rooms/{room}")
async def chat(websocket: WebSocket, room: int, user: Annotated[str, Depends(get_current_user)]):
    await websocket.accept()
    await websocket.send_json(Outgoing(room=room, user="server", text=f"welcome, {user}").model_dump())
    try:
        while True:
            try:
                message = Incoming.model_validate_json(await websocket.receive_text())
            except ValidationError:
                await websocket.close(code=1007)
                return
            await websocket.send_json(Outgoing(room=room, user=user, text=message.text).model_dump())
    except WebSocketDisconnect:
        pass
