/**
 * The far end of a USART, as a serial monitor is: records what the program transmits (with the
 * cycle it wrote UDR) and types queued bytes into its receiver at the program's own baud rate.
 */
import type { AVRUSART } from "avr8js";

export interface SerialByte {
  readonly cycle: number;
  readonly byte: number;
}

export class UsartTerminal {
  /** Bytes the program sent, up to `maxBytes`; later ones are only counted. */
  readonly sent: SerialByte[] = [];
  /** All bytes the program sent, including those past `maxBytes`. */
  sentCount = 0;
  private readonly typing: number[] = [];
  /** Index in `typing` of the next byte to send. */
  private typed = 0;

  constructor(
    private readonly usart: AVRUSART,
    private readonly now: () => number,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    usart.onByteTransmit = (byte) => {
      this.sentCount++;
      if (this.sent.length < this.maxBytes) this.sent.push({ cycle: this.now(), byte });
    };
    // Each received byte takes one character time (avr8js schedules it); then the next one starts.
    usart.onRxComplete = () => this.pump();
    // Typing starts once the program enables its receiver (Serial.begin).
    usart.onConfigurationChange = () => this.pump();
  }

  /** Queues text (UTF-8 encoded) or bytes to be received by the program. */
  type(input: string | Uint8Array): void {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    for (const byte of bytes) this.typing.push(byte);
    this.pump();
  }

  /** Bytes still waiting to be received. */
  get pending(): number {
    return this.typing.length - this.typed;
  }

  /** Baud rate the program configured (UBRR), for comparing with a terminal's setting. */
  get baudRate(): number {
    return this.usart.baudRate;
  }

  /** What the program sent, decoded as UTF-8 (invalid sequences become U+FFFD). */
  text(): string {
    return new TextDecoder().decode(Uint8Array.from(this.sent, (s) => s.byte));
  }

  private pump(): void {
    if (this.typed >= this.typing.length || !this.usart.rxEnable || this.usart.rxBusy) return;
    if (this.usart.writeByte(this.typing[this.typed]!)) this.typed++;
  }
}
