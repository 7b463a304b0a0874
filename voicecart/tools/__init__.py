"""Functions the model may call: typed signatures, generated JSON schemas, validated handlers."""
