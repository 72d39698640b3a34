"""The composition root: builds the services and wires them; no widgets."""
