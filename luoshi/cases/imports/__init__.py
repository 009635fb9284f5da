"""Excel import of existing case ledgers (台账) at ``/cases/import/``: upload, map columns, dry run, commit."""
