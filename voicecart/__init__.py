"""voicecart: a retail voice agent with a live talking avatar."""

__version__ = "0.1.0"
