"""voicecart.api."""
