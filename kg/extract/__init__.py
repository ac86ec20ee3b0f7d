"""Extraction: an article's text and metadata -> NLP -> mentions -> resolution -> typed facts (the first part of the pipeline)."""
