"""The register's pages and the support cases' pages."""
