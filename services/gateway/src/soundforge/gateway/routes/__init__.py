"""HTTP routes, one module per group; each translates the wire format to gRPC calls and back."""
