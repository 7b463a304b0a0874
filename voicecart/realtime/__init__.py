"""The Azure Voice Live realtime protocol: event models, codec and upstream clients."""
