"""Call analysis agent: analysers, analysis documents, the outbox worker and sinks."""
