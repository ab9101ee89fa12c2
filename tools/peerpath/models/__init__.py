"""One pydantic model per kind of file a trainer writes; each also exports JSON Schema."""
