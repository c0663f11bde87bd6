export { ResultsView, type ResultsViewProps } from "./ResultsView";
export type { ResultPlot, ResultVector, SimulationResult, PlotKind } from "./types";
