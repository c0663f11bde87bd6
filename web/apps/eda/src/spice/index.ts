export * from "./si-value";
export * from "./waveforms";
export * from "./analyses";
export * from "./plot-math";
