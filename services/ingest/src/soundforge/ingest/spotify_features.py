"""Builds the Spotify features from the settings: the catalog and login adapters only when configured."""

from __future__ import annotations

from dataclasses import dataclass

from soundforge.ingest.library_adapters import LibrarySpotify
from soundforge.ingest.settings import IngestSettings
from soundforge.ingest.spotify_accounts import SpotifyAccounts
from soundforge.ingest.spotify_catalog import SpotipyCatalog
from soundforge.ingest.spotify_login import AuthlibSpotifyOAuth
from soundforge.ingest.spotify_metadata import DownloadQueue, SpotifyMetadata
from soundforge.jobs.v1 import jobs_pb2
from soundforge.library.client import LibraryClient
from soundforge.library.v1 import library_pb2


@dataclass(frozen=True)
class SpotifyFeatures:
    metadata: SpotifyMetadata[jobs_pb2.Job]
    accounts: SpotifyAccounts[library_pb2.User]


def build_spotify(
    settings: IngestSettings, library: LibraryClient, downloads: DownloadQueue[jobs_pb2.Job]
) -> SpotifyFeatures:
    """Without a client id and secret both adapters are left out, so every call answers `unauthorized`."""
    client_id = settings.spotify_client_id.strip()
    client_secret = settings.spotify_client_secret.get_secret_value().strip()
    configured = bool(client_id and client_secret)
    catalog = None
    login = None
    if configured:
        catalog = SpotipyCatalog(
            client_id,
            client_secret,
            api_url=settings.spotify_api_url,
            token_url=settings.spotify_token_url,
            timeout=settings.spotify_timeout_seconds,
            retries=settings.spotify_retries,
        )
        login = AuthlibSpotifyOAuth(
            client_id,
            client_secret,
            authorize_url=settings.spotify_authorize_url,
            token_url=settings.spotify_token_url,
            api_url=settings.spotify_api_url,
            timeout=settings.spotify_timeout_seconds,
        )
    store = LibrarySpotify(library)
    return SpotifyFeatures(
        metadata=SpotifyMetadata(
            catalog, store, downloads, max_collection_tracks=settings.spotify_max_collection_tracks
        ),
        accounts=SpotifyAccounts(login, store, redirect_uri=settings.spotify_redirect_uri),
    )
