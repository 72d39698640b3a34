"""Developer scripts: the synthetic corpus generator and its helpers."""
