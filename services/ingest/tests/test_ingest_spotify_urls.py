"""Spotify link and URI parsing: every accepted form, and what is refused as invalid_url."""

from __future__ import annotations

import pytest

from soundforge.ingest.spotify_errors import InvalidSpotifyUrl
from soundforge.ingest.spotify_urls import SpotifyRef, parse_spotify_url

TRACK = "4uLU6hMCjMI75M1A2tKUQC"
ALBUM = "4yP0hdKOZPNshxUOjY0cZj"
PLAYLIST = "37i9dQZF1DXcBWIGoYBM5M"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"https://open.spotify.com/track/{TRACK}", SpotifyRef("track", TRACK)),
        (
            f"https://open.spotify.com/track/{TRACK}?si=abc123&utm_source=copy-link",
            SpotifyRef("track", TRACK),
        ),
        (f"  http://open.spotify.com/album/{ALBUM}/  ", SpotifyRef("album", ALBUM)),
        (f"https://OPEN.SPOTIFY.COM/Playlist/{PLAYLIST}#top", SpotifyRef("playlist", PLAYLIST)),
        (f"https://open.spotify.com/intl-de/track/{TRACK}?si=x", SpotifyRef("track", TRACK)),
        (f"https://open.spotify.com/intl-pt/album/{ALBUM}", SpotifyRef("album", ALBUM)),
        (f"https://open.spotify.com/intl-zh-hant/playlist/{PLAYLIST}", SpotifyRef("playlist", PLAYLIST)),
        (f"https://open.spotify.com/embed/track/{TRACK}", SpotifyRef("track", TRACK)),
        (f"https://open.spotify.com/user/someone/playlist/{PLAYLIST}", SpotifyRef("playlist", PLAYLIST)),
        (f"open.spotify.com/track/{TRACK}", SpotifyRef("track", TRACK)),
        (f"https://play.spotify.com/album/{ALBUM}", SpotifyRef("album", ALBUM)),
        (f"spotify:track:{TRACK}", SpotifyRef("track", TRACK)),
        (f"spotify:album:{ALBUM}", SpotifyRef("album", ALBUM)),
        (f"Spotify:Playlist:{PLAYLIST}", SpotifyRef("playlist", PLAYLIST)),
        (f"spotify:user:someone:playlist:{PLAYLIST}", SpotifyRef("playlist", PLAYLIST)),
    ],
)
def test_accepted_forms(text: str, expected: SpotifyRef) -> None:
    assert parse_spotify_url(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "not a url",
        TRACK,  # a bare id says nothing about its kind
        f"https://open.spotify.com/artist/{TRACK}",
        f"https://open.spotify.com/episode/{TRACK}",
        f"spotify:artist:{TRACK}",
        f"spotify:track:{TRACK}:extra",
        "spotify:track:",
        "spotify:track:short",
        f"https://open.spotify.com/track/{TRACK[:-1]}",
        f"https://open.spotify.com/track/{TRACK}x",
        "https://open.spotify.com/track/../../me" + "a" * 16,
        f"https://open.spotify.com/track/{TRACK}/extra",
        f"https://open.spotify.com/intl-de/intl-fr/track/{TRACK}",
        f"https://evil.example/track/{TRACK}",
        f"https://open.spotify.com.evil.example/track/{TRACK}",
        f"https://user@open.spotify.com/track/{TRACK}",
        f"https://open.spotify.com:8443/track/{TRACK}",
        f"ftp://open.spotify.com/track/{TRACK}",
        f"javascript://open.spotify.com/track/{TRACK}",
        "https://spotify.link/AbCdEf123",
        "https://open.spotify.com/",
        "https://[::1/track/x",
        f"https://open.spotify.com/track/{TRACK}?" + "a" * 2100,
    ],
)
def test_refused_forms_are_invalid_url(text: str) -> None:
    with pytest.raises(InvalidSpotifyUrl) as caught:
        parse_spotify_url(text)
    assert caught.value.code == "invalid_url"


def test_canonical_url_of_a_ref() -> None:
    assert SpotifyRef("album", ALBUM).url == f"https://open.spotify.com/album/{ALBUM}"
