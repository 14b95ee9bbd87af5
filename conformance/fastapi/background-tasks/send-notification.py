import asyncio
from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI

app = FastAPI()

sent: list[str] = []


async def send_email(to: str, message: str):
    await asyncio.sleep(0.01)  # an SMTP call
    sent.append(f"{to}: {message}")


# Dependencies can add tasks too: they run after the handler's, in the order added.
def audit_log(background_tasks: BackgroundTasks, q: str | None = None):
    if q is not None:
        background_tasks.add_task(sent.append, f"audit: {q}")
    return q


@app.post("/send-notification/{email}")
async def send_notification(
    email, background_tasks: BackgroundTasks,  # email untyped: the sample declares no params schema
    q: Annotated[str | None, Depends(audit_log)]
):
    # Runs after the response is sent: the client does not wait for the email.
    background_tasks.add_task(send_email, email, "some notification")
    return {"message": "Notification sent in the background"}
