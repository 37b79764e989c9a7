"""Digitale inclusie in Vlaamse lokale besturen: data, reconstruction, audit and tables.

The package holds all logic behind the book: loading and validating the report's printed
numbers and a respondent file, reconstructing a respondent file that reproduces the printed
numbers, auditing the printed numbers for internal consistency, and recomputing every table.
"""

__version__ = "0.1.0"
