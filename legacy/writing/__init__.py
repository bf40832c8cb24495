"""Plain data to Wagtail pages: the writer, its page builders, images and the search index."""
