"""Knowledge base: Contoso policies and product manuals, chunking, hybrid retrieval.

``documents`` and ``readers`` turn files into :class:`~voicecart.knowledge.documents.Document`;
``chunking`` splits them along their structure; ``store`` keeps chunks, BM25 text and
embeddings in one SQLite file; ``retrieval`` fuses lexical and dense rankings;
``service`` is the async facade the API and the tools use; ``azure`` is the Azure AI
Search adapter.
"""
