"""pytest runs the ``>>>`` examples of the pages here; docs/_ext holds build code, not examples."""

collect_ignore_glob = ["_ext/*"]
