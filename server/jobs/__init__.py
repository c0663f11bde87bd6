"""One job model and state machine for every asynchronous job (simulations, builds, runs)."""
