"""Published content: news and instructions per language with a labelled Finnish fallback."""
