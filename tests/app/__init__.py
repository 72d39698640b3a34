"""Tests of the headless session: services wired to each other, no Qt."""
