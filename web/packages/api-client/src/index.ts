export {
  ApiClient,
  readCookie,
  type ApiClientOptions,
  type FetchFunction,
  type HttpMethod,
} from "./client";
export { ApiError, type ApiErrorDetail } from "./errors";
export { AuthApi, type User } from "./auth";
export {
  SimulationsApi,
  TERMINAL_STATUSES,
  isTerminalStatus,
  realClock,
  type AnalysisSpec,
  type Clock,
  type Diagnostic,
  type Finding,
  type GetSimulationOptions,
  type NetlistAnswer,
  type Plot,
  type PlotKind,
  type Simulation,
  type SimulationAccepted,
  type SimulationResult,
  type SimulationStatus,
  type SimulationsApiOptions,
  type SpiceNames,
  type Vector,
  type WaitOptions,
} from "./simulations";
export {
  LibraryApi,
  type Category,
  type ComponentDetail,
  type ComponentPage,
  type ComponentQuery,
  type ComponentSummary,
  type Library,
  type LibraryPin,
} from "./library";
export {
  ArduinoApi,
  type ArduinoApiOptions,
  type ArduinoBoardId,
  type ArduinoBoardInfo,
  type ArduinoBuild,
  type ArduinoBuildAccepted,
  type ArduinoLibrary,
  type BuildDiagnostic,
  type BuildSize,
  type BuildWaitOptions,
} from "./arduino";
