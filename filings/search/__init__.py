"""Similarity search over the trademark register: keys computed at import, candidates from
indexes, a rerank in Python that explains itself."""
