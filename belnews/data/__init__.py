"""Data tables of belnews (JSON), read with importlib.resources."""
