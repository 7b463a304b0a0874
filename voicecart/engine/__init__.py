"""The local Voice Live–compatible engine: speech in, speech out, function calls, avatar."""
