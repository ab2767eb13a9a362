"""Which pages to audit: URLs given, files of URLs, sitemaps, and same-origin crawls."""
