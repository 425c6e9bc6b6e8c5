"""The events register's pages."""
