"""Data tables of belnews (JSON), read with pkgutil.get_data (from a wheel or a zip as well)."""
