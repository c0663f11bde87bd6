import { describe, expect, it } from "vitest";
import { runSim } from "./run-sim";
import { parseSimRequest } from "./sim-request";
import { compileC } from "./test-support/avr-gcc";
import { LCD_C } from "./test-support/lcd-c";
import { UART_C } from "./test-support/uart-c";

const BLINK_100MS = compileC(`
  #include <avr/io.h>
  #include <util/delay.h>
  int main(void) {
    DDRB |= _BV(PB5) | _BV(PB4);
    PORTB |= _BV(PB4);
    for (;;) { PORTB ^= _BV(PB5); _delay_ms(100); }
  }`);

/** A wall clock that advances `stepMs` per reading, so timing fields are exact. */
function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}

describe("runSim", () => {
  it("reports pin changes in microseconds and the simulated/wall ratio", () => {
    const response = runSim(parseSimRequest({ hex: BLINK_100MS, ms: 500 }), steppingClock(50));
    expect(response.pinChanges.filter((c) => c.pin === 13).map((c) => c.value)).toEqual([
      1, 0, 1, 0, 1,
    ]);
    expect(response.pinChanges.find((c) => c.pin === 12)).toMatchObject({
      value: 1,
      mode: "output",
    });
    const pin13 = response.pinChanges.filter((c) => c.pin === 13);
    expect(pin13[1]!.t_us - pin13[0]!.t_us).toBeCloseTo(100_000, -2);
    expect(response).toMatchObject({
      board: "uno",
      cycles: 8_000_000,
      simulatedMs: 500,
      wallMs: 50,
      speed: 10,
    });
    expect(response).toMatchObject({ stoppedEarly: false, pinChangesCapped: false, warnings: [] });
  });

  it("records only the requested pins and caps the list, counting the rest", () => {
    const response = runSim(
      parseSimRequest({ hex: BLINK_100MS, ms: 1000, pins: [13], maxPinChanges: 3 }),
    );
    expect(response.pinChanges.map((c) => c.pin)).toEqual([13, 13, 13]);
    expect(response).toMatchObject({ pinChangesTotal: 10, pinChangesCapped: true });
    expect(response.warnings).toEqual(["pin changes capped at 3 of 10"]);
  });

  it("stops early after maxWallMs and says so", () => {
    const response = runSim(
      parseSimRequest({ hex: BLINK_100MS, ms: 10_000, maxWallMs: 100 }),
      steppingClock(30),
    );
    expect(response.stoppedEarly).toBe(true);
    expect(response.simulatedMs).toBeLessThan(100);
    expect(response.warnings.some((w) => w.includes("maxWallMs"))).toBe(true);
  });

  it("returns serial text, timed bytes, the program's baud rate, and echoes typed input", () => {
    const hex = compileC(`${UART_C}
      int main(void) {
        UBRR0 = 103;
        UCSR0B = _BV(TXEN0); /* listen only after the greeting: a polled echo has no receive buffer */
        uart_puts("ready\\n");
        UCSR0B |= _BV(RXEN0);
        for (;;) { while (!(UCSR0A & _BV(RXC0))) {} uart_put(UDR0); }
      }`);
    const response = runSim(
      parseSimRequest({
        hex,
        ms: 100,
        serialInput: "héllo",
        serialBaud: 115200,
        serialBytes: true,
        maxSerialBytes: 8,
      }),
    );
    expect(response.serial).toBe("ready\nh\ufffd"); // capped in the middle of"é"'s two bytes
    expect(response.serialBytesTotal).toBe(12);
    expect(response.serialCapped).toBe(true);
    expect(response.serialBytes!.map((b) => b.byte)).toEqual([
      ...Buffer.from("ready\nh\xc3", "latin1"),
    ]);
    expect(response.serialBytes![1]!.t_us - response.serialBytes![0]!.t_us).toBeCloseTo(1040, 0);
    expect(response.serialBaud).toBe(9615);
    expect(response.serialInputPending).toBe(0);
    expect(response.warnings).toContain(
      "the program runs Serial at 9615 baud, not 115200: a real terminal would show garbage",
    );
    expect(response.warnings).toContain("serial output capped at 8 of 12 bytes");
  });

  it("warns when serial input never reaches a program that does not listen", () => {
    const response = runSim(parseSimRequest({ hex: BLINK_100MS, ms: 10, serialInput: "x" }));
    expect(response.serialBaud).toBeNull();
    expect(response.serialInputPending).toBe(1);
    expect(response.warnings).toEqual([
      "serialInput was not delivered: the program never enabled the serial receiver",
    ]);
  });

  it("feeds ADC voltages by analog pin name", () => {
    const hex = compileC(`${UART_C}
      int main(void) {
        uart_init();
        ADCSRA = _BV(ADEN) | 7;
        ADMUX = _BV(REFS0) | 2;
        ADCSRA |= _BV(ADSC);
        while (ADCSRA & _BV(ADSC)) {}
        uart_putu(ADC);
        for (;;) {}
      }`);
    expect(runSim(parseSimRequest({ hex, ms: 20, adc: { A2: 3.3 } })).serial).toBe("675");
  });

  it("drives digital inputs", () => {
    const hex = compileC(`
      #include <avr/io.h>
      int main(void) { DDRB |= _BV(PB5); for (;;) { if (PIND & _BV(PD7)) PORTB |= _BV(PB5); else PORTB &= ~_BV(PB5); } }`);
    const high = runSim(parseSimRequest({ hex, ms: 5, digitalInputs: { "7": 1 }, pins: [13] }));
    expect(high.pinChanges.map((c) => c.value)).toEqual([1]);
    const low = runSim(parseSimRequest({ hex, ms: 5, digitalInputs: { "7": 0 }, pins: [13] }));
    expect(low.pinChanges).toEqual([]);
  });

  it("decodes an HD44780 on the requested pins from the program's pin traffic", () => {
    const hex = compileC(`${LCD_C}
      int main(void) {
        lcd_init();
        lcd_print("Hello, LCD");
        lcd_send(0xC0, 0);
        lcd_print("line two");
        for (;;) {}
      }`);
    const response = runSim(
      parseSimRequest({ hex, ms: 100, lcd: { rs: 12, e: 11, d: [5, 4, 3, 2] }, pins: [13] }),
    );
    expect(response.lcd!.lines).toEqual(["Hello, LCD", "line two"]);
    expect(response.lcd).toMatchObject({
      displayOn: true,
      twoLines: true,
      eightBit: false,
      busyViolations: 0,
    });
    expect(response.lcd!.ddram.slice(0, 20)).toBe(Buffer.from("Hello, LCD").toString("hex"));
    expect(response.pinChanges).toEqual([]); // the LCD sees every pin; the list only the requested ones
  });

  it("runs the Mega", () => {
    const hex = compileC(
      `#include <avr/io.h>
       int main(void) { DDRB |= _BV(PB7); PORTB |= _BV(PB7); for (;;) {} }`,
      "atmega2560",
    );
    const response = runSim(parseSimRequest({ hex, board: "mega2560", ms: 1 }));
    expect(response.board).toBe("mega2560");
    expect(response.pinChanges.map(({ pin, value }) => ({ pin, value }))).toEqual([
      { pin: 13, value: 1 },
    ]);
  });
});
