"""voicecart.shipping."""
