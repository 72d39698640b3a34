"""The store client: HTTP API, sync, local cache, outbox, credentials and pick matching; no Qt."""
