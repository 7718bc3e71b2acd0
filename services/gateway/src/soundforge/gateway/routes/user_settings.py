"""The caller's own settings: `GET /users/settings` (the form page to a browser, JSON otherwise), PUT,
and POST (the page's form sent without JavaScript)."""

from __future__ import annotations

import html
import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from soundforge.gateway.auth import CurrentUser, check_csrf
from soundforge.gateway.client_text import text_problem
from soundforge.gateway.context import Context
from soundforge.gateway.credentials import FORM_TYPES, json_object
from soundforge.gateway.openapi_errors import CSRF_ERRORS, error_responses
from soundforge.gateway.user_settings import (
    BY_NAME,
    SETTINGS,
    SETTINGS_BODY_OPENAPI,
    SETTINGS_FORM_OPENAPI,
    UserSettingsData,
    shown,
    validate,
)
from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import dict_from_struct, struct_from_dict
from soundforge.runtime.errors import Unauthenticated, UnsupportedMediaType, ValidationFailed

router = APIRouter(prefix="/users", tags=["users"])

LOG_IN_PAGE = "/users/log-in"
SETTINGS_PAGE = "/users/settings"
FORM_PREFIX = "settings["
NAME_PROBLEM = "setting names must be valid Unicode text without NUL"

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Settings - Sound Forge Alchemy</title></head>
<body><h1>Settings</h1>
<p>Signed in as {email}. An empty field is left as it is.</p>
<form id="settings" method="post" action="/users/settings">
<input type="hidden" name="_method" value="put">
<input type="hidden" name="_csrf_token" value="{csrf_token}">
{fields}
<button type="submit">Save</button>
</form>
<p id="status" role="status"></p>
<script>
// A form cannot send PUT or the CSRF header, so the page sends it: the CSRF cookie is readable on purpose.
// Without JavaScript the form itself is posted, its hidden _method and _csrf_token standing in.
document.getElementById("settings").addEventListener("submit", async (event) => {{
  event.preventDefault();
  const cookie = document.cookie.split("; ").find((c) => c.startsWith({csrf_cookie} + "="));
  const response = await fetch("/users/settings", {{
    method: "PUT",
    body: new URLSearchParams(new FormData(event.target)),
    headers: {{"X-CSRF-Token": cookie ? decodeURIComponent(cookie.split("=")[1]) : "",
               "Accept": "application/json"}},
  }});
  const body = await response.json();
  document.getElementById("status").textContent = response.ok ? "Saved." : body.error + " "
    + JSON.stringify(body.details || {{}});
}});
</script></body></html>
"""


def _field(name: str, label: str, input_type: str, value: object, secret: bool) -> str:
    # A secret is never put back into the page, not even masked: the mask is only a placeholder.
    shown_value = "" if secret or value is None else html.escape(str(value))
    placeholder = html.escape(str(value)) if secret and value is not None else ""
    step = ' step="any"' if input_type == "number" else ""
    return (
        f'<label>{html.escape(label)} <input type="{input_type}" name="{name}"{step} '
        f'value="{shown_value}" placeholder="{placeholder}" autocomplete="off"></label>'
    )


def settings_page(email: str, settings: dict[str, Any], csrf_cookie: str, csrf_token: str) -> str:
    fields = "\n".join(
        _field(s.name, s.label, s.rule.html_input, settings[s.name], s.rule.secret) for s in SETTINGS
    )
    return _PAGE.format(
        email=html.escape(email),
        fields=fields,
        csrf_cookie=json.dumps(csrf_cookie),
        csrf_token=html.escape(csrf_token),
    )


def _quality(accept: str, media_type: str) -> float:
    """The q the Accept header gives `media_type`: its most specific matching range wins."""
    kind = media_type.split("/", maxsplit=1)[0]
    best: tuple[int, float] = (-1, 0.0)
    for part in accept.split(","):
        media_range, *params = (piece.strip() for piece in part.split(";"))
        specificity = {media_type: 2, f"{kind}/*": 1, "*/*": 0}.get(media_range.lower(), -1)
        if specificity <= best[0]:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        best = (specificity, q)
    return best[1]


def wants_html(request: Request) -> bool:
    """A browser's Accept ranks text/html above JSON; `*/*` alone (curl, API clients) gets JSON."""
    accept = request.headers.get("accept", "")
    return _quality(accept, "text/html") > _quality(accept, "application/json")


@router.get(
    "/settings",
    response_model=UserSettingsData,
    responses={
        200: {"content": {"text/html": {"schema": {"type": "string"}}}},
        303: {"description": "a browser without a valid session is sent to the log-in form"},
        **error_responses(401, 503),
    },
)
async def get_settings(request: Request, context: Context) -> Any:
    """The caller's settings: the settings form page when the client prefers HTML, else JSON."""
    try:
        principal = await context.authenticator.authenticate(request)
    except Unauthenticated:
        principal = None
        if not wants_html(request):
            raise
    if principal is None:
        if wants_html(request):
            return RedirectResponse(LOG_IN_PAGE, status_code=303)
        raise Unauthenticated("authentication required")
    settings = shown(dict_from_struct(principal.user.settings))
    if wants_html(request):
        csrf_cookie = context.settings.csrf_cookie
        page = settings_page(
            principal.user.email, settings, csrf_cookie, request.cookies.get(csrf_cookie, "")
        )
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})
    return {"data": settings}


@router.put(
    "/settings",
    response_model=UserSettingsData,
    responses=error_responses(400, 401, *CSRF_ERRORS, 415, 422, 503),
    openapi_extra=SETTINGS_BODY_OPENAPI,
)
async def update_settings(request: Request, user: CurrentUser, context: Context) -> dict[str, Any]:
    """Changes the caller's own settings: known keys only, null removes one; the answer is all of them."""
    updated = await _save(user, await read_changes(request), context)
    return {"data": shown(dict_from_struct(updated.settings))}


@router.post(
    "/settings",
    response_class=RedirectResponse,
    status_code=303,
    responses={
        303: {
            "description": "saved: back to the settings page (a browser without a valid session: to log-in)",
            "headers": {"Location": {"schema": {"type": "string"}}},
        },
        **error_responses(400, 401, *CSRF_ERRORS, 415, 422, 503),
    },
    openapi_extra=SETTINGS_FORM_OPENAPI,
)
async def submit_settings_form(request: Request, context: Context) -> Response:
    """The settings page's form posted without JavaScript (Phoenix style: `_method=put`, and the CSRF
    token in `_csrf_token`, since a form sets no header); saved, the browser is sent back (303).
    JSON clients use PUT."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in FORM_TYPES:
        raise UnsupportedMediaType("expected the settings form")
    try:
        principal = await context.authenticator.authenticate(request)
    except Unauthenticated:
        if not wants_html(request):
            raise
        principal = None
    if principal is None:
        if wants_html(request):
            return RedirectResponse(LOG_IN_PAGE, status_code=303)
        raise Unauthenticated("authentication required")
    form = await request.form()
    method = form.get("_method")
    if method is not None and (not isinstance(method, str) or method.lower() != "put"):
        raise ValidationFailed({"_method": ["must be put"]})
    if principal.via == "session":
        token = form.get("_csrf_token")
        check_csrf(request, context.settings, token if isinstance(token, str) and token else None)
    await _save(principal.user, await read_changes(request), context)
    return RedirectResponse(SETTINGS_PAGE, status_code=303)


async def _save(user: library_pb2.User, changes: dict[str, object], context: Context) -> library_pb2.User:
    values, problems = validate(changes)
    if problems:
        raise ValidationFailed(problems)
    if not values:
        return user
    updated: library_pb2.User = await context.clients.library.UpdateUser(
        library_pb2.UpdateUserRequest(user_id=user.id, settings=struct_from_dict(values))
    )
    return updated


async def read_changes(request: Request) -> dict[str, object]:
    """The keys to change from a JSON object or the settings form (`name` or `settings[name]`)."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type in FORM_TYPES:
        changes = await _from_form(request)
    elif media_type == "application/json" or media_type.endswith("+json"):
        changes = json_object(await request.body())
    else:
        raise UnsupportedMediaType("expected a form or a JSON body")
    # A name is echoed back in `details`, so it must be text the response can carry.
    if any(text_problem(name) for name in changes):
        raise ValidationFailed({"body": [NAME_PROBLEM]})
    return changes


async def _from_form(request: Request) -> dict[str, object]:
    changes: dict[str, object] = {}
    for raw_name, value in (await request.form()).multi_items():
        name = raw_name
        if raw_name.startswith(FORM_PREFIX) and raw_name.endswith("]"):
            name = raw_name[len(FORM_PREFIX) : -1]
        if text_problem(name):
            raise ValidationFailed({"body": [NAME_PROBLEM]})
        if name.startswith("_"):
            continue  # a Phoenix-style form's _method and _csrf_token
        if isinstance(value, UploadFile):
            raise ValidationFailed({name: ["must be text, not a file"]})
        if value == "":
            continue  # the form leaves an empty field as it is
        setting = BY_NAME.get(name)
        changes[name] = setting.rule.from_form(value) if setting else value
    return changes
