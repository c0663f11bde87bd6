"""Arduino sketches built like the Arduino IDE does, with avr-gcc in a sandbox, a build cache and structured
diagnostics; served as the `arduino-build` job kind and /api/arduino/."""
