/**
 * The pins the trace panel offers: every I/O header pin (`D0`…, `A0`…) of every Arduino board in
 * the circuit, by the names printed on the board. Other parts' pins can be traced too (the worker
 * traces any net), but these are the ones a sketch drives.
 */
import {
  BOARDS,
  boardIoPins,
  isBoardId,
  pinRef,
  type Circuit,
  type PinRef,
} from "@ohmcloud/avr-sim";

/** A pin the user can choose to trace. */
export interface TracePinOption {
  readonly ref: PinRef;
  /** What the user reads, such as "uno1 D13" or "led1 anode". */
  readonly label: string;
}

export function mcuTracePins(circuit: Circuit): TracePinOption[] {
  return circuit.components.flatMap(({ id, kind }) =>
    isBoardId(kind)
      ? boardIoPins(BOARDS[kind]).map((io) => ({
          ref: pinRef(id, io.name),
          label: `${id} ${io.name}`,
        }))
      : [],
  );
}
