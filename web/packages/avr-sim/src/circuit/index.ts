/** The circuit model: components, wires and breadboards → nets → levels and warnings (see README.md). */
export {
  boardIoPins,
  boardPinNames,
  INPUT_THRESHOLD_VOLTS,
  MCU_VOLTS,
  PULL_UP_OHMS,
  type BoardIoPin,
  type McuPinDrive,
} from "./board-pins";
export {
  breadboardGeometry,
  breadboardHoles,
  breadboardStrips,
  type BreadboardGeometry,
  type BreadboardSize,
} from "./breadboard";
export {
  boardKind,
  BREADBOARD_KIND,
  CircuitError,
  PreparedCircuit,
  type Circuit,
  type ComponentSpec,
  type PartCatalog,
  type PartContext,
  type PartKind,
  type PartProps,
} from "./circuit";
export {
  pinRef,
  splitPinRef,
  type CircuitElement,
  type CircuitWarning,
  type PinRef,
} from "./elements";
export {
  formatVolts,
  resolveLevels,
  type CircuitResolution,
  type NetLevel,
  type Strength,
} from "./resolve-levels";
