/**
 * One running board's `Serial` (USART0) as the serial monitor sees it: the bytes the sketch sent
 * since the last `take()`, bytes typed into the sketch's receiver at the sketch's own baud rate
 * (`UsartTerminal`), the baud rate it set, and whether bytes went out or came in lately (the
 * board's TX/RX LEDs).
 */
import { UsartTerminal, type AvrSimulation } from "@ohmcloud/avr-sim";

/** The TX/RX LEDs stay lit this long (simulated time) after a byte. */
export const SERIAL_LED_US = 50_000;

export class BoardSerial {
  private readonly terminal: UsartTerminal;
  private sent: number[] = [];
  private lastTxUs = Number.NEGATIVE_INFINITY;
  private lastRxUs = Number.NEGATIVE_INFINITY;

  constructor(private readonly sim: AvrSimulation) {
    const usart = sim.usarts[0]!;
    // The terminal keeps no copy of the output (maxBytes 0): a run may go on for hours, so the
    // bytes are handed over with each update instead.
    this.terminal = new UsartTerminal(usart, () => sim.cycles, 0);
    const counted = usart.onByteTransmit;
    usart.onByteTransmit = (byte) => {
      counted?.(byte);
      this.sent.push(byte);
      this.lastTxUs = this.nowUs;
    };
    const pump = usart.onRxComplete;
    usart.onRxComplete = () => {
      this.lastRxUs = this.nowUs;
      pump?.();
    };
  }

  private get nowUs(): number {
    return this.sim.microsAt(this.sim.cycles);
  }

  /** Bytes for the sketch's `Serial.read()`, received one character time apart at its baud rate. */
  send(bytes: readonly number[]): void {
    this.terminal.type(Uint8Array.from(bytes));
  }

  /** Bytes the sketch sent since the last call. */
  take(): number[] {
    const sent = this.sent;
    this.sent = [];
    return sent;
  }

  /** The baud rate the sketch set (`Serial.begin`), null before it did. */
  get baud(): number | null {
    const usart = this.sim.usarts[0]!;
    return usart.txEnable || usart.rxEnable ? this.terminal.baudRate : null;
  }

  /** Whether a byte went out (tx) or came in (rx) within the last `SERIAL_LED_US` before `nowUs`. */
  activity(nowUs: number): { tx: boolean; rx: boolean } {
    return {
      tx: nowUs - this.lastTxUs <= SERIAL_LED_US,
      rx: nowUs - this.lastRxUs <= SERIAL_LED_US,
    };
  }
}
