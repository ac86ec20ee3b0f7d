"""The graph: facts -> RDF (vocabulary, prefixes, IRIs), graph files in and out, SHACL validation, ontology docs."""
