from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request

# FastAPI has no per-router middleware: a router dependency reading the raw request is its way
# to guard every route of a router (and, reading the header from the request, adds no parameter).
def admin_only(request: Request):
    if request.headers.get("x-admin-token") != "secret":
        raise HTTPException(status_code=403, detail="Admins only")


admin = APIRouter(prefix="/admin", dependencies=[Depends(admin_only)])


@admin.get("/stats")
async def read_stats():
    return {"users": 42}


app = FastAPI()
app.include_router(admin)


@app.get("/")
async def root():
    return {"public": True}
