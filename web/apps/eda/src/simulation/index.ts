export {
  SimulationPanel,
  defaultSimulations,
  type SimulationPanelProps,
  type SimulationResultMeta,
  type SimulationsService,
} from "./SimulationPanel";
export {
  ANALYSIS_TYPES,
  fieldsOf,
  newAnalysis,
  readField,
  splitServerErrors,
  validateAnalyses,
  writeField,
  type AnalysesErrors,
  type AnalysesValidation,
  type AnalysisType,
  type FieldSpec,
} from "./analysis-fields";
export {
  SEVERITY_ICONS,
  describeTarget,
  ercFindings,
  fromErrors,
  fromFindings,
  fromNgspice,
  messagesByLine,
  sortDiagnostics,
  type PanelDiagnostic,
  type Severity,
} from "./diagnostics";
export {
  formatElapsed,
  isNetlistFileName,
  lineRange,
  netlistFileName,
  splitLines,
} from "./netlist-text";
export { isRunShortcut, useRunShortcut, type RunShortcutOptions } from "./use-run-shortcut";
