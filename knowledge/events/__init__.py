"""Events and digests (DESIGN §6): models, importers (ICS, OpenAgenda, CSV), agenda queries, periods."""
