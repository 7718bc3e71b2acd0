"""GET, PUT and the form POST of /users/settings: own settings, known keys only, secrets masked."""

from __future__ import annotations

import re
from typing import Any

import pytest

from soundforge.library.v1 import library_pb2
from soundforge.runtime.convert import dict_from_struct

pytestmark = pytest.mark.asyncio(loop_scope="session")

URL = "/users/settings"
KEY = "lic-0123456789abcdef"
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
UNSET = {"lalalai_license_key": None, "lalalai_quota_minutes": None}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def stored(gateway, user_id: str) -> dict[str, Any]:
    user = await gateway.backends.clients.library.GetUser(library_pb2.GetUserRequest(user_id=user_id))
    return dict_from_struct(user.settings)


async def test_a_new_user_has_every_setting_unset(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().get(URL, headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"data": UNSET}


async def test_put_stores_the_settings_and_never_echoes_the_key(gateway) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    response = await client.put(
        URL, json={"lalalai_license_key": KEY, "lalalai_quota_minutes": 120}, headers=bearer(token)
    )
    assert response.status_code == 200, response.text
    expected = {"data": {"lalalai_license_key": "****cdef", "lalalai_quota_minutes": 120}}
    assert response.json() == expected
    assert '"lalalai_quota_minutes":120}' in response.text  # a whole number reads as sent, not 120.0
    assert KEY not in response.text
    assert await stored(gateway, user["id"]) == {"lalalai_license_key": KEY, "lalalai_quota_minutes": 120}
    again = await client.get(URL, headers=bearer(token))
    assert again.json() == expected and KEY not in again.text
    assert '"lalalai_quota_minutes":120}' in again.text


async def test_a_short_key_is_masked_whole(gateway) -> None:
    _, token = await gateway.bearer()
    response = await gateway.client().put(URL, json={"lalalai_license_key": "abc123"}, headers=bearer(token))
    assert response.json()["data"]["lalalai_license_key"] == "****"


async def test_keys_merge_one_by_one_and_null_removes_one(gateway) -> None:
    user, token = await gateway.bearer()
    client = gateway.client()
    await client.put(URL, json={"lalalai_license_key": KEY}, headers=bearer(token))
    kept = await client.put(URL, json={"lalalai_quota_minutes": 30.5}, headers=bearer(token))
    assert kept.json()["data"] == {"lalalai_license_key": "****cdef", "lalalai_quota_minutes": 30.5}
    removed = await client.put(URL, json={"lalalai_license_key": None}, headers=bearer(token))
    assert removed.status_code == 200, removed.text
    assert removed.json()["data"] == {"lalalai_license_key": None, "lalalai_quota_minutes": 30.5}
    assert await stored(gateway, user["id"]) == {"lalalai_quota_minutes": 30.5}
    unchanged = await client.put(URL, json={}, headers=bearer(token))
    assert unchanged.json()["data"] == removed.json()["data"]


@pytest.mark.parametrize(
    ("body", "details"),
    [
        ({"theme": "dark"}, {"theme": ["is not a known setting (known: " + ", ".join(UNSET) + ")"]}),
        ({"lalalai_license_key": ""}, {"lalalai_license_key": ["can't be blank"]}),
        (
            {"lalalai_license_key": "has space"},
            {"lalalai_license_key": ["must be printable ASCII without spaces"]},
        ),
        (
            {"lalalai_license_key": "k\u00e9y"},
            {"lalalai_license_key": ["must be printable ASCII without spaces"]},
        ),
        ({"lalalai_license_key": 42}, {"lalalai_license_key": ["must be a string"]}),
        ({"lalalai_license_key": "x" * 257}, {"lalalai_license_key": ["must be at most 256 characters"]}),
        (
            {"lalalai_quota_minutes": 0},
            {"lalalai_quota_minutes": ["must be greater than 0 and at most 1e+06"]},
        ),
        ({"lalalai_quota_minutes": "60"}, {"lalalai_quota_minutes": ["must be a number"]}),
        ({"lalalai_quota_minutes": True}, {"lalalai_quota_minutes": ["must be a number"]}),
        ({"bad\u0000name": 1}, {"body": ["setting names must be valid Unicode text without NUL"]}),
    ],
)
async def test_invalid_settings_are_422_with_details_and_nothing_is_stored(
    gateway, body: dict[str, Any], details: dict[str, list[str]]
) -> None:
    user, token = await gateway.bearer()
    # A valid key beside the bad one is not stored either: the change is all or nothing.
    response = await gateway.client().put(
        URL, json={"lalalai_quota_minutes": 10, **body}, headers=bearer(token)
    )
    assert response.status_code == 422, response.text
    assert response.json() == {"error": "validation failed", "code": "VALIDATION_ERROR", "details": details}
    assert await stored(gateway, user["id"]) == {}


async def test_bodies_that_are_not_a_json_object_or_a_form(gateway) -> None:
    _, token = await gateway.bearer()
    client = gateway.client()
    malformed = await client.put(
        URL, content=b"{nope", headers={**bearer(token), "Content-Type": "application/json"}
    )
    assert malformed.status_code == 400 and malformed.json()["code"] == "BAD_REQUEST"
    listed = await client.put(URL, json=["lalalai_license_key"], headers=bearer(token))
    assert listed.status_code == 422 and listed.json()["details"] == {"body": ["must be a JSON object"]}
    text = await client.put(URL, content=b"k=v", headers={**bearer(token), "Content-Type": "text/plain"})
    assert text.status_code == 415 and text.json()["code"] == "UNSUPPORTED_MEDIA_TYPE"


async def test_anonymous_callers_are_401(gateway) -> None:
    client = gateway.client()
    for response in (await client.get(URL), await client.put(URL, json={"lalalai_quota_minutes": 1})):
        assert response.status_code == 401
        assert response.json() == {"error": "authentication required", "code": "UNAUTHORIZED"}
    bad = await client.get(URL, headers=bearer("not-a-token"))
    assert bad.status_code == 401 and bad.json()["code"] == "UNAUTHORIZED"


async def test_a_session_puts_a_form_with_the_csrf_token(gateway) -> None:
    session = await gateway.session()
    form = {"settings[lalalai_license_key]": KEY, "lalalai_quota_minutes": "90", "_method": "put"}
    refused = await session.client.put(URL, data=form)
    assert refused.status_code == 403
    assert refused.json() == {"error": "CSRF token missing or invalid", "code": "FORBIDDEN"}
    assert await stored(gateway, session.user["id"]) == {}
    allowed = await session.client.put(URL, data=form, headers={"X-CSRF-Token": session.csrf})
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["data"] == {"lalalai_license_key": "****cdef", "lalalai_quota_minutes": 90.0}
    # The form leaves an empty field as it is; a bad number is named.
    blank = await session.client.put(
        URL,
        data={"lalalai_license_key": "", "lalalai_quota_minutes": "90"},
        headers={"X-CSRF-Token": session.csrf},
    )
    assert blank.json()["data"]["lalalai_license_key"] == "****cdef"
    bad = await session.client.put(
        URL, data={"lalalai_quota_minutes": "lots"}, headers={"X-CSRF-Token": session.csrf}
    )
    assert bad.status_code == 422 and bad.json()["details"] == {"lalalai_quota_minutes": ["must be a number"]}


async def test_a_browser_gets_the_settings_form_page(gateway) -> None:
    session = await gateway.session()
    await session.client.put(
        URL,
        json={"lalalai_license_key": KEY, "lalalai_quota_minutes": 45},
        headers={"X-CSRF-Token": session.csrf},
    )
    page = await session.client.get(URL, headers={"Accept": BROWSER_ACCEPT})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert "<h1>Settings</h1>" in html and session.user["email"] in html
    assert 'name="lalalai_license_key"' in html and 'placeholder="****cdef"' in html
    assert 'name="lalalai_quota_minutes" step="any" value="45.0"' in html
    assert KEY not in html
    # The same session asking for JSON (or anything) gets JSON.
    for accept in ("application/json", "*/*", "text/html;q=0.5, application/json"):
        data = await session.client.get(URL, headers={"Accept": accept})
        assert data.json()["data"]["lalalai_quota_minutes"] == 45.0, accept


async def test_a_browser_without_a_session_is_sent_to_log_in(gateway) -> None:
    client = gateway.client()
    response = await client.get(URL, headers={"Accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/users/log-in"
    client.cookies.set(gateway.backends.settings.session_cookie, "expired-or-made-up")
    stale = await client.get(URL, headers={"Accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert stale.status_code == 303


def _hidden(page: str, name: str) -> str:
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)">', page)
    assert match, f"no hidden {name} in the page"
    return match.group(1)


async def test_a_browser_without_javascript_posts_the_form_and_is_sent_back(gateway) -> None:
    session = await gateway.session()
    browser = {"Accept": BROWSER_ACCEPT}
    page = (await session.client.get(URL, headers=browser)).text
    assert '<form id="settings" method="post" action="/users/settings">' in page
    assert _hidden(page, "_method") == "put" and _hidden(page, "_csrf_token") == session.csrf
    form = {
        "_method": "put",
        "_csrf_token": _hidden(page, "_csrf_token"),
        "settings[lalalai_license_key]": KEY,
        "lalalai_quota_minutes": "30",
    }
    saved = await session.client.post(URL, data=form, headers=browser, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    assert saved.headers["location"] == URL
    assert await stored(gateway, session.user["id"]) == {
        "lalalai_license_key": KEY,
        "lalalai_quota_minutes": 30,
    }
    assert 'value="30.0"' in (await session.client.get(URL, headers=browser)).text


async def test_the_posted_form_is_held_to_the_csrf_token_and_the_put_rules(gateway) -> None:
    session = await gateway.session()
    form = {"_method": "put", "lalalai_quota_minutes": "30"}
    for token in (None, "", "not-the-cookie", "é"):
        body = form if token is None else {**form, "_csrf_token": token}
        refused = await session.client.post(URL, data=body, follow_redirects=False)
        assert refused.status_code == 403, token
        assert refused.json() == {"error": "CSRF token missing or invalid", "code": "FORBIDDEN"}
    assert await stored(gateway, session.user["id"]) == {}
    signed = {**form, "_csrf_token": session.csrf}
    bad = await session.client.post(URL, data={**signed, "lalalai_quota_minutes": "lots"})
    assert bad.status_code == 422 and bad.json()["details"] == {"lalalai_quota_minutes": ["must be a number"]}
    deleting = await session.client.post(URL, data={**signed, "_method": "delete"})
    assert deleting.status_code == 422 and deleting.json()["details"] == {"_method": ["must be put"]}
    not_a_form = await session.client.post(URL, json={"lalalai_quota_minutes": 30})
    assert not_a_form.status_code == 415
    assert await stored(gateway, session.user["id"]) == {}


async def test_the_posted_form_without_a_session(gateway) -> None:
    client = gateway.client()
    form = {"_method": "put", "lalalai_quota_minutes": "30"}
    anonymous = await client.post(URL, data=form)
    assert anonymous.status_code == 401 and anonymous.json()["code"] == "UNAUTHORIZED"
    browser = await client.post(URL, data=form, headers={"Accept": BROWSER_ACCEPT}, follow_redirects=False)
    assert browser.status_code == 303 and browser.headers["location"] == "/users/log-in"
    # An API key needs no CSRF token, a form or not.
    user, token = await gateway.bearer()
    keyed = await client.post(URL, data=form, headers=bearer(token), follow_redirects=False)
    assert keyed.status_code == 303
    assert await stored(gateway, user["id"]) == {"lalalai_quota_minutes": 30}


async def test_the_form_post_is_documented(gateway) -> None:
    document = (await gateway.client().get("/openapi.json")).json()
    post = document["paths"][URL]["post"]
    assert {"303", "401", "403", "415", "422"} <= set(post["responses"])
    assert "application/x-www-form-urlencoded" in post["requestBody"]["content"]
