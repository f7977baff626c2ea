"""Import of the ERP's resident register export (JSON/CSV): read, check, apply."""
