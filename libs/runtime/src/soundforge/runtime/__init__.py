"""Shared runtime of every Sound Forge service: errors, settings, logging, gRPC bootstrap, metrics."""
