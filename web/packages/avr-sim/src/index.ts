/** AVR simulation core and part models; see README.md. */
export { AvrSimulation, type PinChangeListener, type PinMode } from "./avr-simulation";
export {
  adcChannelOf,
  arduinoPinAt,
  BOARDS,
  isBoardId,
  type Board,
  type BoardId,
  type PortBit,
} from "./boards";
export { Hd44780, type Hd44780Geometry, type Hd44780State, type Hd44780Wiring } from "./hd44780";
export { romA00Char } from "./hd44780-charset";
export { IntelHexError, loadIntelHex, type IntelHexImage } from "./intel-hex";
export type { McuConfig, PortLetter } from "./mcu";
export { runSim, type PinChangeRecord, type SimResponse } from "./run-sim";
export { parseSimRequest, SimRequestError, type SimRequest } from "./sim-request";
export { UsartTerminal, type SerialByte } from "./usart-terminal";
export * from "./circuit/index";
export * from "./parts/index";
export { PART_CONTROLS, type ControlRule } from "./circuit-request";
