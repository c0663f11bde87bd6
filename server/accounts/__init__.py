"""Users, sessions, API tokens."""
