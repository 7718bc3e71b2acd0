"""Signal processing shared by the services: loudness (BS.1770) and streaming decompositions."""
