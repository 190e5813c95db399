"""One adapter per remote CRM; each implements desk_crm.sync.protocol.Adapter."""
