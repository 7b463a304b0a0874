"""The bridge: browser ⇄ realtime upstream, session registry, tools, call capture."""
