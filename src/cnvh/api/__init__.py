"""The REST API (django-ninja, OpenAPI 3.1), under the same rules as the pages."""
