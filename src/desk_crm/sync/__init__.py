"""Optional synchronisation with a remote CRM server."""
