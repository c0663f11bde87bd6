"""Running external programs safely: no shell, own process group, hard limits."""
