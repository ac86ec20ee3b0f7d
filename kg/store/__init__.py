"""Storing and querying: the Oxigraph store, batch extraction, SPARQL queries, the endpoint (serve) and push."""
