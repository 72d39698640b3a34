"""The curator's desk: the inbox by need, a listener on one screen, replies, picks, crates."""
