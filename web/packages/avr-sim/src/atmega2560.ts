/**
 * ATmega2560 peripheral configs for avr8js, which ships only the ATmega328P's (its port A..L
 * configs have the right register addresses but no interrupts).
 *
 * Register addresses and interrupt vectors are from avr-libc's `avr/iomxx0_1.h` (datasheet
 * ATmega640/1280/2560, "Register Summary" and "Interrupt Vectors"). avr8js wants interrupt
 * addresses in words; each vector is a 2-word JMP, so address = 2 * vector number.
 */
import {
  ADCMuxInputType,
  ADCReference,
  adcConfig,
  eepromConfig,
  portAConfig,
  portBConfig,
  portCConfig,
  portDConfig,
  portEConfig,
  portFConfig,
  portGConfig,
  portHConfig,
  portJConfig,
  portKConfig,
  portLConfig,
  spiConfig,
  timer0Config,
  twiConfig,
  usart0Config,
  watchdogConfig,
  type ADCMuxConfiguration,
  type AVRExternalInterrupt,
  type AVRPinChangeInterrupt,
  type AVRTimerConfig,
} from "avr8js";
import type { McuConfig, USARTConfig } from "./mcu";

const vector = (n: number): number => 2 * n;

// --- GPIO: external interrupts INT0..7 and pin-change groups PCINT0..2 ---------------------------

const EICRA = 0x69;
const EICRB = 0x6a;
const EIMSK = 0x3d;
const EIFR = 0x3c;

/** INTn: PD0..3 (sense bits in EICRA) and PE4..7 (EICRB); vectors 1..8. */
function externalInterrupt(index: number): AVRExternalInterrupt {
  return {
    EICR: index < 4 ? EICRA : EICRB,
    EIMSK,
    EIFR,
    iscOffset: (index % 4) * 2,
    index,
    interrupt: vector(1 + index),
  };
}

const PCICR = 0x68;
const PCIFR = 0x3b;

/** `offset` shifts the port's bits into the PCMSK register; `mask` says which port bits take part. */
function pinChange(group: number, mask: number, offset: number): AVRPinChangeInterrupt {
  return {
    PCIE: group,
    PCICR,
    PCIFR,
    PCMSK: 0x6b + group,
    pinChangeInterrupt: vector(9 + group),
    mask,
    offset,
  };
}

const ports: McuConfig["ports"] = {
  A: portAConfig,
  B: { ...portBConfig, pinChange: pinChange(0, 0xff, 0) }, // PCINT0..7
  C: portCConfig,
  D: {
    ...portDConfig,
    pinChange: undefined,
    externalInterrupts: [0, 1, 2, 3].map(externalInterrupt),
  },
  E: {
    ...portEConfig,
    pinChange: pinChange(1, 0x01, 0), // PE0 = PCINT8
    externalInterrupts: [null, null, null, null, ...[4, 5, 6, 7].map(externalInterrupt)],
  },
  F: portFConfig,
  G: portGConfig,
  H: portHConfig,
  J: { ...portJConfig, pinChange: pinChange(1, 0x7f, 1) }, // PJ0..6 = PCINT9..15
  K: { ...portKConfig, pinChange: pinChange(2, 0xff, 0) }, // PCINT16..23
  L: portLConfig,
};

// --- Timers ----------------------------------------------------------------------------------------

/** Port data addresses for the compare-output pins (OCnx) and external clock inputs (Tn). */
const PORT = {
  B: portBConfig.PORT,
  D: portDConfig.PORT,
  E: portEConfig.PORT,
  G: portGConfig.PORT,
  H: portHConfig.PORT,
  L: portLConfig.PORT,
};

/** TIFRn/TIMSKn bits of the C compare unit, which only the 16-bit timers here have. */
const OCFC = 1 << 3;
const OCIEC = 1 << 3;

const timer0: AVRTimerConfig = {
  ...timer0Config,
  compAInterrupt: vector(21),
  compBInterrupt: vector(22),
  ovfInterrupt: vector(23),
  compPortA: PORT.B,
  compPinA: 7, // OC0A
  compPortB: PORT.G,
  compPinB: 5, // OC0B
  externalClockPort: PORT.D,
  externalClockPin: 7, // T0
};

const timer2: AVRTimerConfig = {
  ...timer0Config,
  dividers: { 0: 0, 1: 1, 2: 8, 3: 32, 4: 64, 5: 128, 6: 256, 7: 1024 },
  compAInterrupt: vector(13),
  compBInterrupt: vector(14),
  ovfInterrupt: vector(15),
  TIFR: 0x37,
  OCRA: 0xb3,
  OCRB: 0xb4,
  TCNT: 0xb2,
  TCCRA: 0xb0,
  TCCRB: 0xb1,
  TIMSK: 0x70,
  compPortA: PORT.B,
  compPinA: 4, // OC2A
  compPortB: PORT.H,
  compPinB: 6, // OC2B
  externalClockPort: 0, // timer 2 counts from TOSC, not a Tn pin
  externalClockPin: 0,
};

interface Timer16Layout {
  /** TCCRnA; the other registers follow at fixed offsets (datasheet register summary). */
  readonly base: number;
  readonly TIFR: number;
  readonly TIMSK: number;
  /** Vector number of TIMERn_CAPT; COMPA, COMPB, COMPC, OVF follow. */
  readonly firstVector: number;
  readonly compPort: number;
  /** OCnA, OCnB, OCnC bits in `compPort`. */
  readonly compPins: readonly [number, number, number];
  readonly clockPort: number;
  readonly clockPin: number;
}

/** Timers 1, 3, 4, 5 share one layout: TCCRnA/B/C, TCNTn, ICRn, OCRnA/B/C at base + 0, 1, 2, 4, 6, 8, 10, 12. */
function timer16(layout: Timer16Layout): AVRTimerConfig {
  const { base, firstVector: v, compPins } = layout;
  return {
    ...timer0Config,
    bits: 16,
    dividers: timer0Config.dividers, // timers 0, 1, 3, 4, 5 share the prescaler and its T-pin modes
    TCCRA: base,
    TCCRB: base + 1,
    TCCRC: base + 2,
    TCNT: base + 4,
    ICR: base + 6,
    OCRA: base + 8,
    OCRB: base + 10,
    OCRC: base + 12,
    TIFR: layout.TIFR,
    TIMSK: layout.TIMSK,
    OCFC,
    OCIEC,
    captureInterrupt: vector(v),
    compAInterrupt: vector(v + 1),
    compBInterrupt: vector(v + 2),
    compCInterrupt: vector(v + 3),
    ovfInterrupt: vector(v + 4),
    compPortA: layout.compPort,
    compPinA: compPins[0],
    compPortB: layout.compPort,
    compPinB: compPins[1],
    compPortC: layout.compPort,
    compPinC: compPins[2],
    externalClockPort: layout.clockPort,
    externalClockPin: layout.clockPin,
  };
}

const timers: AVRTimerConfig[] = [
  timer0,
  timer16({
    base: 0x80,
    TIFR: 0x36,
    TIMSK: 0x6f,
    firstVector: 16,
    compPort: PORT.B,
    compPins: [5, 6, 7],
    clockPort: PORT.D,
    clockPin: 6,
  }),
  timer2,
  timer16({
    base: 0x90,
    TIFR: 0x38,
    TIMSK: 0x71,
    firstVector: 31,
    compPort: PORT.E,
    compPins: [3, 4, 5],
    clockPort: PORT.E,
    clockPin: 6,
  }),
  timer16({
    base: 0xa0,
    TIFR: 0x39,
    TIMSK: 0x72,
    firstVector: 41,
    compPort: PORT.H,
    compPins: [3, 4, 5],
    clockPort: PORT.H,
    clockPin: 7,
  }),
  timer16({
    base: 0x120,
    TIFR: 0x3a,
    TIMSK: 0x73,
    firstVector: 46,
    compPort: PORT.L,
    compPins: [3, 4, 5],
    clockPort: PORT.L,
    clockPin: 2,
  }),
];

// --- USARTs: UCSRnA at base, then B, C, (reserved), UBRRnL, UBRRnH, UDRn ---------------------------

function usart(base: number, rxVector: number): USARTConfig {
  return {
    rxCompleteInterrupt: vector(rxVector),
    dataRegisterEmptyInterrupt: vector(rxVector + 1),
    txCompleteInterrupt: vector(rxVector + 2),
    UCSRA: base,
    UCSRB: base + 1,
    UCSRC: base + 2,
    UBRRL: base + 4,
    UBRRH: base + 5,
    UDR: base + 6,
  };
}

const usarts: USARTConfig[] = [
  { ...usart0Config, ...usart(usart0Config.UCSRA, 25) },
  usart(0xc8, 36),
  usart(0xd0, 51),
  usart(0x130, 54),
];

// --- ADC: 16 single-ended channels; MUX5 (in ADCSRB) selects ADC8..15 -----------------------------

const adcChannels: ADCMuxConfiguration = {
  0x1e: { type: ADCMuxInputType.Constant, voltage: 1.1 }, // bandgap
  0x1f: { type: ADCMuxInputType.Constant, voltage: 0 }, // GND
};
for (let channel = 0; channel < 8; channel++) {
  adcChannels[channel] = { type: ADCMuxInputType.SingleEnded, channel };
  adcChannels[0x20 + channel] = { type: ADCMuxInputType.SingleEnded, channel: 8 + channel };
}

export const ATMEGA2560: McuConfig = {
  name: "ATmega2560",
  flashBytes: 256 * 1024,
  ramEnd: 0x21ff,
  eepromBytes: 4096,
  ports,
  timers,
  usarts,
  adc: {
    ...adcConfig,
    adcInterrupt: vector(29),
    numChannels: 16,
    muxInputMask: 0x3f,
    muxChannels: adcChannels,
    // REFS1:0 = 00 AREF, 01 AVCC, 10 internal 1.1 V, 11 internal 2.56 V
    adcReferences: [
      ADCReference.AREF,
      ADCReference.AVCC,
      ADCReference.Internal1V1,
      ADCReference.Internal2V56,
    ],
  },
  spi: { ...spiConfig, spiInterrupt: vector(24) },
  twi: { ...twiConfig, twiInterrupt: vector(39) },
  eeprom: { ...eepromConfig, eepromReadyInterrupt: vector(30) },
  watchdog: { ...watchdogConfig, watchdogInterrupt: vector(12) },
};
