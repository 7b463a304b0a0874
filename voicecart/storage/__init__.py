"""voicecart.storage."""
