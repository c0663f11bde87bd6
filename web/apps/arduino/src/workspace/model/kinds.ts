/**
 * The palette's catalogue: every kind of avr-sim's `PART_CATALOG` with a title, search keywords, a
 * group, the @wokwi/elements tag that draws it (null: the workspace draws it itself, see
 * drawn-geometry.ts), the props the properties panel edits, and what a new part of the kind gets.
 */
import { LED_FORWARD_VOLTS, type PartProps } from "@ohmcloud/avr-sim";

export type PropSpec =
  | { name: string; label: string; type: "choice"; choices: readonly string[] }
  | { name: string; label: string; type: "ohms" }
  | { name: string; label: string; type: "number"; min: number; max: number; step: number };

export type KindGroup =
  "Boards" | "Breadboards" | "Output" | "Input" | "Sensors" | "Power" | "Passive";

export interface KindInfo {
  readonly kind: string;
  readonly title: string;
  readonly keywords: readonly string[];
  readonly group: KindGroup;
  /** The @wokwi/elements tag, e.g. "wokwi-led"; null = drawn by the workspace. */
  readonly element: string | null;
  readonly editableProps: readonly PropSpec[];
  /** New ids are this + a number: "led1", "r2". */
  readonly idPrefix: string;
  /** Props a new part gets (addPart). */
  readonly defaultProps?: PartProps;
  /**
   * Whether the part's pins go into breadboard holes under them. False for the Uno and the Mega:
   * their headers are sockets, so a board laid over a breadboard joins nothing.
   */
  readonly plugsIntoBreadboard: boolean;
}

const LED_COLOR: PropSpec = {
  name: "color",
  label: "Colour",
  type: "choice",
  choices: Object.keys(LED_FORWARD_VOLTS),
};
const COMMON = (label: string): PropSpec => ({
  name: "common",
  label,
  type: "choice",
  choices: ["cathode", "anode"],
});
const OHMS: PropSpec = { name: "ohms", label: "Resistance", type: "ohms" };

function kind(
  info: Omit<KindInfo, "editableProps" | "plugsIntoBreadboard"> &
    Partial<Pick<KindInfo, "editableProps" | "plugsIntoBreadboard">>,
): KindInfo {
  return { editableProps: [], plugsIntoBreadboard: true, ...info };
}

export const KINDS: readonly KindInfo[] = [
  kind({
    kind: "uno",
    title: "Arduino Uno",
    keywords: ["arduino", "board", "atmega328p", "microcontroller"],
    group: "Boards",
    element: "wokwi-arduino-uno",
    idPrefix: "uno",
    plugsIntoBreadboard: false,
  }),
  kind({
    kind: "nano",
    title: "Arduino Nano",
    keywords: ["arduino", "board", "atmega328p", "microcontroller"],
    group: "Boards",
    element: "wokwi-arduino-nano",
    idPrefix: "nano",
  }),
  kind({
    kind: "mega2560",
    title: "Arduino Mega 2560",
    keywords: ["arduino", "board", "atmega2560", "microcontroller"],
    group: "Boards",
    element: "wokwi-arduino-mega",
    idPrefix: "mega",
    plugsIntoBreadboard: false,
  }),
  kind({
    kind: "breadboard",
    title: "Breadboard",
    keywords: ["solderless", "protoboard", "half", "full", "rails"],
    group: "Breadboards",
    element: null,
    idPrefix: "bb",
    defaultProps: { size: "full" },
    editableProps: [{ name: "size", label: "Size", type: "choice", choices: ["full", "half"] }],
    plugsIntoBreadboard: false,
  }),
  kind({
    kind: "led",
    title: "LED",
    keywords: ["light", "diode", "lamp"],
    group: "Output",
    element: "wokwi-led",
    idPrefix: "led",
    defaultProps: { color: "red" },
    editableProps: [LED_COLOR],
  }),
  kind({
    kind: "rgb-led",
    title: "RGB LED",
    keywords: ["light", "colour", "color", "diode"],
    group: "Output",
    element: "wokwi-rgb-led",
    idPrefix: "rgb",
    defaultProps: { common: "cathode" },
    editableProps: [COMMON("Common pin")],
  }),
  kind({
    kind: "7segment",
    title: "7-segment display",
    keywords: ["seven", "segment", "digit", "display", "number"],
    group: "Output",
    element: "wokwi-7segment",
    idPrefix: "sevseg",
    defaultProps: { common: "cathode", color: "red" },
    editableProps: [COMMON("Common pin"), LED_COLOR],
  }),
  kind({
    kind: "lcd1602",
    title: "LCD 16×2",
    keywords: ["display", "character", "hd44780", "1602", "text"],
    group: "Output",
    element: "wokwi-lcd1602",
    idPrefix: "lcd",
  }),
  kind({
    kind: "lcd2004",
    title: "LCD 20×4",
    keywords: ["display", "character", "hd44780", "2004", "text"],
    group: "Output",
    element: "wokwi-lcd2004",
    idPrefix: "lcd",
  }),
  kind({
    kind: "buzzer",
    title: "Buzzer",
    keywords: ["piezo", "sound", "tone", "speaker", "beep"],
    group: "Output",
    element: "wokwi-buzzer",
    idPrefix: "buzzer",
  }),
  kind({
    kind: "servo",
    title: "Servo motor",
    keywords: ["motor", "sg90", "angle", "pwm"],
    group: "Output",
    element: "wokwi-servo",
    idPrefix: "servo",
  }),
  kind({
    kind: "dc-motor",
    title: "DC motor",
    keywords: ["motor", "spin", "fan"],
    group: "Output",
    element: null,
    idPrefix: "motor",
  }),
  kind({
    kind: "relay",
    title: "Relay module",
    keywords: ["switch", "coil", "5v"],
    group: "Output",
    element: null,
    idPrefix: "relay",
  }),
  kind({
    kind: "push-button",
    title: "Push button",
    keywords: ["button", "switch", "tactile", "key", "press"],
    group: "Input",
    element: "wokwi-pushbutton",
    idPrefix: "btn",
  }),
  kind({
    kind: "slide-switch",
    title: "Slide switch",
    keywords: ["switch", "toggle", "spdt"],
    group: "Input",
    element: "wokwi-slide-switch",
    idPrefix: "sw",
  }),
  kind({
    kind: "potentiometer",
    title: "Potentiometer",
    keywords: ["pot", "knob", "variable resistor", "analog", "dial"],
    group: "Input",
    element: "wokwi-potentiometer",
    idPrefix: "pot",
    editableProps: [OHMS],
  }),
  kind({
    kind: "slide-potentiometer",
    title: "Slide potentiometer",
    keywords: ["pot", "slider", "fader", "variable resistor", "analog"],
    group: "Input",
    element: "wokwi-slide-potentiometer",
    idPrefix: "slider",
    editableProps: [OHMS],
  }),
  kind({
    kind: "hc-sr04",
    title: "Ultrasonic distance sensor (HC-SR04)",
    keywords: ["ultrasonic", "distance", "sonar", "range", "hcsr04"],
    group: "Sensors",
    element: "wokwi-hc-sr04",
    idPrefix: "sonar",
  }),
  kind({
    kind: "photoresistor",
    title: "Photoresistor (LDR) module",
    keywords: ["light", "ldr", "lux", "photocell"],
    group: "Sensors",
    element: "wokwi-photoresistor-sensor",
    idPrefix: "ldr",
  }),
  kind({
    kind: "ntc",
    title: "NTC thermistor module",
    keywords: ["temperature", "thermistor", "analog"],
    group: "Sensors",
    element: "wokwi-ntc-temperature-sensor",
    idPrefix: "ntc",
  }),
  kind({
    kind: "tmp36",
    title: "TMP36 temperature sensor",
    keywords: ["temperature", "analog", "celsius"],
    group: "Sensors",
    element: null,
    idPrefix: "tmp",
  }),
  kind({
    kind: "pir",
    title: "PIR motion sensor",
    keywords: ["motion", "infrared", "hc-sr501", "presence"],
    group: "Sensors",
    element: "wokwi-pir-motion-sensor",
    idPrefix: "pir",
  }),
  kind({
    kind: "battery-9v",
    title: "9 V battery",
    keywords: ["battery", "power", "supply", "9v"],
    group: "Power",
    element: null,
    idPrefix: "bat",
  }),
  kind({
    kind: "resistor",
    title: "Resistor",
    keywords: ["ohm", "resistance", "pull-up", "pull-down"],
    group: "Passive",
    element: "wokwi-resistor",
    idPrefix: "r",
    defaultProps: { ohms: 220 },
    editableProps: [OHMS],
  }),
];

const BY_KIND: ReadonlyMap<string, KindInfo> = new Map(KINDS.map((info) => [info.kind, info]));

/** The catalogue entry of `kind`; throws for a kind the workspace does not know. */
export function kindInfo(kind: string): KindInfo {
  const info = BY_KIND.get(kind);
  if (!info) throw new Error(`Unknown part kind ${JSON.stringify(kind)}.`);
  return info;
}

export function isKnownKind(kind: string): boolean {
  return BY_KIND.has(kind);
}

/**
 * Kinds matching every word of `query` (in the title, kind or keywords, case-insensitive), best
 * first: title starts with the query, then title contains it, then keyword matches; catalogue order
 * otherwise. An empty query lists every kind.
 */
export function searchKinds(query: string): KindInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...KINDS];
  const whole = words.join(" ");
  const scored: { info: KindInfo; score: number; index: number }[] = [];
  KINDS.forEach((info, index) => {
    const title = info.title.toLowerCase();
    const haystack = [title, info.kind, ...info.keywords].join(" ").toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return;
    const score = title.startsWith(whole) ? 0 : title.includes(whole) ? 1 : 2;
    scored.push({ info, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.info);
}
