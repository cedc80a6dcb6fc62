"""Full-text search: the query syntax, its SQL on each database, and where a hit lies in a text."""
