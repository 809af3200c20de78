"""The initiative database: HSDS 3.0-shaped tables, reference places, import, export and search."""
