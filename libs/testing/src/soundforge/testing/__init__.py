"""Test support: real servers (nats-server, PostgreSQL, an S3 server) started on loopback, and test audio."""
