"""voicecart.commerce."""
