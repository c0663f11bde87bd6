/**
 * The simulator running real avr-gcc output: GPIO timing, USART both ways, ADC, EEPROM, SPI, TWI
 * and inputs on the ATmega328P (Uno), and the ATmega2560 configs (vectors, pin-change and external
 * interrupts, timers 3..5, ADC8..15) on the Mega.
 */
import { describe, expect, it } from "vitest";
import { AvrSimulation, type PinMode } from "./avr-simulation";
import { BOARDS } from "./boards";
import { compileC } from "./test-support/avr-gcc";
import { UART_C } from "./test-support/uart-c";
import { UsartTerminal } from "./usart-terminal";

interface Change {
  t_us: number;
  pin: number;
  value: number;
  mode: PinMode;
}

function recordPins(sim: AvrSimulation): Change[] {
  const changes: Change[] = [];
  sim.addPinListener((pin, value, mode, cycle) =>
    changes.push({ t_us: sim.microsAt(cycle), pin, value, mode }),
  );
  return changes;
}

function runMs(sim: AvrSimulation, ms: number): void {
  sim.runUntil(sim.cyclesIn(ms));
}

describe("AvrSimulation on the Uno (ATmega328P)", () => {
  it("toggles pin 13 (PB5) every 100 ms with _delay_ms", () => {
    const hex = compileC(`
      #include <avr/io.h>
      #include <util/delay.h>
      int main(void) {
        DDRB |= _BV(PB5);
        for (;;) { PORTB ^= _BV(PB5); _delay_ms(100); }
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const changes = recordPins(sim);
    runMs(sim, 1050);
    expect(changes.every((c) => c.pin === 13 && c.mode === "output")).toBe(true);
    expect(changes.map((c) => c.value)).toEqual([1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(changes[0]!.t_us).toBeLessThan(10);
    for (let i = 1; i < changes.length; i++) {
      const interval = changes[i]!.t_us - changes[i - 1]!.t_us;
      expect(interval).toBeGreaterThan(100_000 * 0.999);
      expect(interval).toBeLessThan(100_000 * 1.001);
    }
    expect(sim.cycles).toBeGreaterThanOrEqual(1050 * 16_000);
  });

  it("sends USART0 bytes at the program's 9600 baud", () => {
    const hex = compileC(`${UART_C}
      int main(void) { uart_init(); uart_puts("Hello, serial!\\n"); for (;;) {} }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    runMs(sim, 50);
    expect(terminal.text()).toBe("Hello, serial!\n");
    expect(terminal.baudRate).toBe(9615); // 16 MHz / (16 * (103 + 1))
    // After the first byte each waits for the previous one: 10 bits at 9615 baud = 1040 µs.
    const times = terminal.sent.map((s) => sim.microsAt(s.cycle));
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(1040, 0);
  });

  it("receives typed input once the program enables its receiver", () => {
    const hex = compileC(`${UART_C}
      int main(void) {
        uart_init();
        for (;;) {
          while (!(UCSR0A & _BV(RXC0))) {}
          char c = UDR0;
          uart_put(c >= 'a' && c <= 'z' ? c - 32 : c);
        }
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    terminal.type("shout, please");
    expect(terminal.pending).toBe(13);
    runMs(sim, 40);
    expect(terminal.text()).toBe("SHOUT, PLEASE");
    expect(terminal.pending).toBe(0);
  });

  it("reads the set voltages on ADC channels 0 and 3 (AVcc reference)", () => {
    const hex = compileC(`${UART_C}
      static unsigned adc_read(unsigned char channel) {
        ADMUX = _BV(REFS0) | channel;
        ADCSRA |= _BV(ADSC);
        while (ADCSRA & _BV(ADSC)) {}
        return ADC;
      }
      int main(void) {
        uart_init();
        ADCSRA = _BV(ADEN) | 7;
        uart_putu(adc_read(0)); uart_put(' '); uart_putu(adc_read(3)); uart_put(' '); uart_putu(adc_read(5));
        for (;;) {}
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    sim.setAdcVoltage(0, 2.5);
    sim.setAdcVoltage(3, 1.0);
    runMs(sim, 20);
    expect(terminal.text()).toBe("512 204 0");
  });

  it("mirrors an input driven from outside, and reports the pull-up", () => {
    const hex = compileC(`
      #include <avr/io.h>
      int main(void) {
        DDRB |= _BV(PB5);
        PORTD |= _BV(PD2); /* INPUT_PULLUP on pin 2 */
        for (;;) { if (PIND & _BV(PD2)) PORTB |= _BV(PB5); else PORTB &= ~_BV(PB5); }
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const changes = recordPins(sim);
    sim.setInputLevel(2, true);
    runMs(sim, 1);
    sim.setInputLevel(2, false);
    runMs(sim, 2);
    expect(changes.map(({ pin, value, mode }) => ({ pin, value, mode }))).toEqual([
      { pin: 2, value: 1, mode: "input_pullup" },
      { pin: 13, value: 1, mode: "output" },
      { pin: 13, value: 0, mode: "output" },
    ]);
    expect(changes[2]!.t_us).toBeGreaterThan(1000);
    expect(() => sim.setInputLevel(20, true)).toThrow(RangeError);
  });

  it("keeps EEPROM writes in memory", () => {
    const hex = compileC(`${UART_C}
      #include <avr/eeprom.h>
      int main(void) {
        uart_init();
        eeprom_write_byte((uint8_t *)10, 0x42);
        uart_putu(eeprom_read_byte((uint8_t *)10));
        for (;;) {}
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    runMs(sim, 20);
    expect(sim.eeprom.memory[10]).toBe(0x42);
    expect(sim.eeprom.memory.length).toBe(1024);
    expect(terminal.text()).toBe("66");
  });

  it("exchanges SPI bytes with a device attached to the SPI unit", () => {
    const hex = compileC(`${UART_C}
      int main(void) {
        uart_init();
        DDRB |= _BV(PB3) | _BV(PB5) | _BV(PB2); /* MOSI, SCK, SS */
        SPCR = _BV(SPE) | _BV(MSTR) | _BV(SPR0);
        SPDR = 0xA5;
        while (!(SPSR & _BV(SPIF))) {}
        uart_putu(SPDR);
        for (;;) {}
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    const seen: number[] = [];
    sim.spi.onByte = (value) => {
      seen.push(value);
      sim.cpu.addClockEvent(() => sim.spi.completeTransfer(0x3c), sim.spi.transferCycles);
    };
    runMs(sim, 10);
    expect(seen).toEqual([0xa5]);
    expect(terminal.text()).toBe(String(0x3c));
  });

  it("runs TWI: START succeeds, an address with no device answering is NACKed", () => {
    const hex = compileC(`${UART_C}
      static unsigned char twi_wait(void) { while (!(TWCR & _BV(TWINT))) {} return TWSR & 0xF8; }
      int main(void) {
        uart_init();
        TWBR = 72; /* 100 kHz */
        TWCR = _BV(TWINT) | _BV(TWSTA) | _BV(TWEN);
        uart_putu(twi_wait()); uart_put(' ');
        TWDR = 0x27 << 1;
        TWCR = _BV(TWINT) | _BV(TWEN);
        uart_putu(twi_wait());
        for (;;) {}
      }`);
    const sim = new AvrSimulation(BOARDS.uno, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    runMs(sim, 10);
    expect(terminal.text()).toBe(`${0x08} ${0x20}`); // TW_START, TW_MT_SLA_NACK
  });

  it("refuses a HEX image larger than the chip's flash", () => {
    const big = compileC(
      `
      #include <avr/pgmspace.h>
      const char first[20000] PROGMEM = {1};
      const char second[20000] PROGMEM = {2};
      int main(void) { return pgm_read_byte(&first[PINB]) + pgm_read_byte(&second[PINB]); }`,
      "atmega2560",
    );
    expect(() => new AvrSimulation(BOARDS.uno, big)).toThrow(/does not fit in 32768 bytes/);
  });
});

describe("AvrSimulation on the Mega 2560 (ATmega2560 configs)", () => {
  it("dispatches timer 1, 3, 4 and 5 compare interrupts at their vectors", () => {
    const hex = compileC(
      `${UART_C}
      #include <avr/interrupt.h>
      volatile unsigned n1, n3, n4, n5;
      ISR(TIMER1_COMPA_vect) { n1++; }
      ISR(TIMER3_COMPA_vect) { n3++; }
      ISR(TIMER4_COMPA_vect) { n4++; }
      ISR(TIMER5_COMPA_vect) { n5++; PINB = _BV(PB7); }
      /* CTC mode, prescaler 64: OCR = 249 → every 1 ms; others at 2, 4 and 5 ms */
      #define CTC(n, ocr) TCCR##n##A = 0; TCCR##n##B = _BV(WGM##n##2) | _BV(CS##n##1) | _BV(CS##n##0); \\
        OCR##n##A = ocr; TIMSK##n = _BV(OCIE##n##A)
      int main(void) {
        uart_init();
        DDRB |= _BV(PB7);
        CTC(1, 499); CTC(3, 999); CTC(4, 1249); CTC(5, 249);
        sei();
        while (n5 < 20) {}
        cli();
        uart_putu(n1); uart_put(' '); uart_putu(n3); uart_put(' '); uart_putu(n4); uart_put(' '); uart_putu(n5);
        for (;;) {}
      }`,
      "atmega2560",
    );
    const sim = new AvrSimulation(BOARDS.mega2560, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    const changes = recordPins(sim);
    runMs(sim, 40);
    expect(terminal.text()).toBe("10 5 4 20");
    // Pin 13 is PB7 on the Mega; the timer 5 ISR toggles it every millisecond.
    const pin13 = changes.filter((c) => c.pin === 13);
    expect(pin13).toHaveLength(20);
    const meanInterval = (pin13[19]!.t_us - pin13[0]!.t_us) / 19;
    expect(Math.abs(meanInterval - 1000)).toBeLessThan(1); // single intervals jitter with the other ISRs
  });

  it("raises pin-change (PCINT2, port K) and external (INT4, PE4) interrupts", () => {
    const hex = compileC(
      `${UART_C}
      #include <avr/interrupt.h>
      volatile unsigned pc, ext;
      ISR(PCINT2_vect) { pc++; }
      ISR(INT4_vect) { ext++; }
      int main(void) {
        uart_init();
        DDRK |= _BV(PK0);
        PCMSK2 = _BV(PCINT16);
        PCICR = _BV(PCIE2);
        DDRE |= _BV(PE4);
        EICRB = _BV(ISC41) | _BV(ISC40); /* rising edge */
        EIMSK = _BV(INT4);
        sei();
        for (unsigned char i = 0; i < 6; i++) { PORTK ^= _BV(PK0); PORTE ^= _BV(PE4); }
        cli();
        uart_putu(pc); uart_put(' '); uart_putu(ext);
        for (;;) {}
      }`,
      "atmega2560",
    );
    const sim = new AvrSimulation(BOARDS.mega2560, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    const changes = recordPins(sim);
    runMs(sim, 10);
    expect(terminal.text()).toBe("6 3");
    // A8 = PK0 and D2 = PE4 (the USART does not drive its TX pin in avr8js: serial is reported as bytes).
    expect(new Set(changes.map((c) => c.pin))).toEqual(new Set([62, 2]));
  });

  it("reads ADC8..15 through MUX5 and the 2.56 V reference", () => {
    const hex = compileC(
      `${UART_C}
      static unsigned adc_read(unsigned char admux, unsigned char mux5) {
        ADCSRB = mux5 ? _BV(MUX5) : 0;
        ADMUX = admux;
        ADCSRA |= _BV(ADSC);
        while (ADCSRA & _BV(ADSC)) {}
        return ADC;
      }
      int main(void) {
        uart_init();
        ADCSRA = _BV(ADEN) | 7;
        uart_putu(adc_read(_BV(REFS0) | 1, 1)); uart_put(' ');            /* A9, AVcc */
        uart_putu(adc_read(_BV(REFS0) | 1, 0)); uart_put(' ');            /* A1, AVcc */
        uart_putu(adc_read(_BV(REFS1) | _BV(REFS0) | 1, 1));              /* A9, 2.56 V */
        for (;;) {}
      }`,
      "atmega2560",
    );
    const sim = new AvrSimulation(BOARDS.mega2560, hex);
    const terminal = new UsartTerminal(sim.usarts[0]!, () => sim.cycles);
    sim.setAdcVoltage(9, 1.25);
    sim.setAdcVoltage(1, 4.0);
    runMs(sim, 20);
    expect(terminal.text()).toBe("256 819 500");
  });

  it("has 4 KB of EEPROM and USART1 transmitting on its own registers", () => {
    const hex = compileC(
      `
      #include <avr/io.h>
      int main(void) {
        UBRR1 = 103;
        UCSR1B = _BV(TXEN1);
        const char *s = "one";
        while (*s) { while (!(UCSR1A & _BV(UDRE1))) {} UDR1 = *s++; }
        for (;;) {}
      }`,
      "atmega2560",
    );
    const sim = new AvrSimulation(BOARDS.mega2560, hex);
    const serial1 = new UsartTerminal(sim.usarts[1]!, () => sim.cycles);
    runMs(sim, 10);
    expect(serial1.text()).toBe("one");
    expect(sim.eeprom.memory.length).toBe(4096);
  });
});
