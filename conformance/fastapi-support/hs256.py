"""HS256 JSON Web Tokens with the standard library only.

The FastAPI tutorial uses PyJWT; the conformance venv installs FastAPI's own packages and
nothing else, so the twins sign and verify here, checking what PyJWT (and jose, on the
typefast side) check: the algorithm, the signature, and the exp, nbf and sub claims.
"""

import base64
import hashlib
import hmac
import json
import time


class InvalidTokenError(Exception):
    pass


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError as error:
        raise InvalidTokenError("bad base64") from error


def encode(claims: dict, key: bytes) -> str:
    header = _b64encode(json.dumps({"alg": "HS256"}, separators=(",", ":")).encode())
    payload = _b64encode(json.dumps(claims, separators=(",", ":")).encode())
    signature = hmac.new(key, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64encode(signature)}"


def decode(token: str, key: bytes) -> dict:
    parts = token.split(".")
    if len(parts) != 3:
        raise InvalidTokenError("not three segments")
    header_part, payload_part, signature_part = parts
    try:
        header = json.loads(_b64decode(header_part))
        payload = json.loads(_b64decode(payload_part))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidTokenError("not JSON") from error
    if not isinstance(header, dict) or header.get("alg") != "HS256":
        raise InvalidTokenError("algorithm not allowed")
    expected = hmac.new(key, f"{header_part}.{payload_part}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(expected, _b64decode(signature_part)):
        raise InvalidTokenError("signature")
    if not isinstance(payload, dict):
        raise InvalidTokenError("payload not an object")
    now = int(time.time())
    for claim in ("exp", "nbf", "iat"):
        if claim in payload and (isinstance(payload[claim], bool) or not isinstance(payload[claim], (int, float))):
            raise InvalidTokenError(f"{claim} not a number")
    if "exp" in payload and payload["exp"] <= now:
        raise InvalidTokenError("expired")
    if "nbf" in payload and payload["nbf"] > now:
        raise InvalidTokenError("not yet valid")
    if "sub" in payload and not isinstance(payload["sub"], str):
        raise InvalidTokenError("sub not a string")
    return payload
