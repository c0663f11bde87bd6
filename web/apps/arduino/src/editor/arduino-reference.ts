/**
 * What the editor knows of the Arduino API, as data: the core's functions, constants and types,
 * the Serial ports, and the classes of the libraries a sketch can include (the AVR core's and
 * OhmCloud's own Servo, LiquidCrystal and Stepper in server/arduino/libraries/). Signatures and
 * one-line descriptions follow the arduino.cc reference; completions are built from this.
 */

export type ReferenceKind = "function" | "constant" | "type" | "class" | "variable" | "method";

export interface ReferenceEntry {
  readonly label: string;
  readonly kind: ReferenceKind;
  /** The signature or value, shown beside the label. */
  readonly detail: string;
  /** One sentence saying what it does. */
  readonly info: string;
}

export interface ReferenceClass {
  readonly name: string;
  /** The header a sketch includes to use it; null for the core's own classes. */
  readonly header: string | null;
  /** Classes whose members it inherits (e.g. Print for print/println). */
  readonly bases: readonly string[];
  readonly members: readonly ReferenceEntry[];
}

const fn = (label: string, detail: string, info: string): ReferenceEntry => ({
  label,
  kind: "function",
  detail,
  info,
});
const constant = (label: string, detail: string, info: string): ReferenceEntry => ({
  label,
  kind: "constant",
  detail,
  info,
});
const method = (label: string, detail: string, info: string): ReferenceEntry => ({
  label,
  kind: "method",
  detail,
  info,
});

/** The core's functions (Arduino.h and what it includes). */
export const CORE_FUNCTIONS: readonly ReferenceEntry[] = [
  fn("pinMode", "void pinMode(pin, mode)", "Makes a pin an INPUT, INPUT_PULLUP or OUTPUT."),
  fn("digitalWrite", "void digitalWrite(pin, value)", "Drives an output pin HIGH or LOW."),
  fn("digitalRead", "int digitalRead(pin)", "Reads a pin: HIGH or LOW."),
  fn("analogRead", "int analogRead(pin)", "Reads an analog pin (A0…): 0 to 1023 for 0 V to 5 V."),
  fn("analogWrite", "void analogWrite(pin, value)", "PWM on a ~ pin: 0 (off) to 255 (always on)."),
  fn(
    "analogReference",
    "void analogReference(type)",
    "The ADC's reference: DEFAULT, INTERNAL or EXTERNAL.",
  ),
  fn("delay", "void delay(unsigned long ms)", "Waits the given milliseconds."),
  fn(
    "delayMicroseconds",
    "void delayMicroseconds(unsigned int us)",
    "Waits the given microseconds.",
  ),
  fn("millis", "unsigned long millis()", "Milliseconds since the sketch started."),
  fn(
    "micros",
    "unsigned long micros()",
    "Microseconds since the sketch started (4 µs steps at 16 MHz).",
  ),
  fn(
    "tone",
    "void tone(pin, frequency[, duration])",
    "A square wave of the given frequency (Hz) on a pin.",
  ),
  fn("noTone", "void noTone(pin)", "Stops the tone on a pin."),
  fn(
    "pulseIn",
    "unsigned long pulseIn(pin, value[, timeout])",
    "Length in µs of a HIGH or LOW pulse on a pin.",
  ),
  fn(
    "pulseInLong",
    "unsigned long pulseInLong(pin, value[, timeout])",
    "As pulseIn, for long pulses; needs interrupts.",
  ),
  fn(
    "shiftOut",
    "void shiftOut(dataPin, clockPin, bitOrder, value)",
    "Sends a byte one bit at a time (MSBFIRST or LSBFIRST).",
  ),
  fn("shiftIn", "byte shiftIn(dataPin, clockPin, bitOrder)", "Reads a byte one bit at a time."),
  fn(
    "map",
    "long map(value, fromLow, fromHigh, toLow, toHigh)",
    "Re-maps a number from one range to another.",
  ),
  fn("constrain", "constrain(x, low, high)", "x held within low..high."),
  fn("min", "min(x, y)", "The smaller of two numbers."),
  fn("max", "max(x, y)", "The larger of two numbers."),
  fn("abs", "abs(x)", "The absolute value of a number."),
  fn("sq", "sq(x)", "The square of a number."),
  fn("sqrt", "double sqrt(x)", "The square root of a number."),
  fn("pow", "double pow(base, exponent)", "A number raised to a power."),
  fn("sin", "double sin(rad)", "The sine of an angle in radians."),
  fn("cos", "double cos(rad)", "The cosine of an angle in radians."),
  fn("tan", "double tan(rad)", "The tangent of an angle in radians."),
  fn("random", "long random([min,] max)", "A pseudo-random number from min (or 0) up to max - 1."),
  fn(
    "randomSeed",
    "void randomSeed(unsigned long seed)",
    "Starts random() at another point (e.g. randomSeed(analogRead(A0))).",
  ),
  fn(
    "attachInterrupt",
    "void attachInterrupt(interrupt, function, mode)",
    "Calls a function on LOW, CHANGE, RISING or FALLING of an interrupt pin.",
  ),
  fn("detachInterrupt", "void detachInterrupt(interrupt)", "Turns an interrupt off."),
  fn(
    "digitalPinToInterrupt",
    "int digitalPinToInterrupt(pin)",
    "The interrupt number of a pin, for attachInterrupt.",
  ),
  fn("interrupts", "void interrupts()", "Enables interrupts again."),
  fn("noInterrupts", "void noInterrupts()", "Disables interrupts (keep the code between short)."),
  fn("bitRead", "bitRead(x, n)", "Bit n of a number (0 or 1)."),
  fn("bitWrite", "bitWrite(x, n, b)", "Sets bit n of a variable to b."),
  fn("bitSet", "bitSet(x, n)", "Sets bit n of a variable to 1."),
  fn("bitClear", "bitClear(x, n)", "Sets bit n of a variable to 0."),
  fn("bit", "bit(n)", "The value of bit n (1, 2, 4, 8…)."),
  fn("lowByte", "byte lowByte(x)", "The low (rightmost) byte of a number."),
  fn("highByte", "byte highByte(x)", "The high byte of a 16-bit number."),
  fn("isDigit", "bool isDigit(char c)", "Whether a character is 0-9."),
  fn("isAlpha", "bool isAlpha(char c)", "Whether a character is a letter."),
  fn("isSpace", "bool isSpace(char c)", "Whether a character is white space."),
];

const analogPins: ReferenceEntry[] = Array.from({ length: 16 }, (_, n) =>
  constant(
    `A${n}`,
    `analog pin ${n}`,
    n < 6
      ? "An analog input pin."
      : n < 8
        ? "Analog input on the Nano and Mega only."
        : "Analog input on the Mega only.",
  ),
);

/** The core's constants. */
export const CORE_CONSTANTS: readonly ReferenceEntry[] = [
  constant("HIGH", "1", "A pin's high level (5 V)."),
  constant("LOW", "0", "A pin's low level (0 V)."),
  constant("INPUT", "pin mode", "The pin reads; it floats when nothing drives it."),
  constant("INPUT_PULLUP", "pin mode", "The pin reads, pulled HIGH by an internal resistor."),
  constant("OUTPUT", "pin mode", "The pin drives HIGH or LOW."),
  constant("LED_BUILTIN", "13", "The pin of the board's own LED (L)."),
  ...analogPins,
  constant("CHANGE", "interrupt mode", "Interrupt whenever the pin changes."),
  constant("RISING", "interrupt mode", "Interrupt when the pin goes from LOW to HIGH."),
  constant("FALLING", "interrupt mode", "Interrupt when the pin goes from HIGH to LOW."),
  constant("LSBFIRST", "bit order", "Least significant bit first (shiftOut/shiftIn)."),
  constant("MSBFIRST", "bit order", "Most significant bit first (shiftOut/shiftIn)."),
  constant("DEFAULT", "analog reference", "The board's supply (5 V) as ADC reference."),
  constant("INTERNAL", "analog reference", "The built-in 1.1 V reference."),
  constant("EXTERNAL", "analog reference", "The voltage on the AREF pin."),
  constant("DEC", "print base", "Print a number in decimal."),
  constant("HEX", "print base", "Print a number in hexadecimal."),
  constant("BIN", "print base", "Print a number in binary."),
  constant("OCT", "print base", "Print a number in octal."),
  constant("PI", "3.14159…", "π."),
  constant("HALF_PI", "1.5707…", "π / 2."),
  constant("TWO_PI", "6.2831…", "2π."),
  constant("true", "bool", "Yes."),
  constant("false", "bool", "No."),
];

/** Types sketches use besides C++'s own. */
export const CORE_TYPES: readonly ReferenceEntry[] = (
  [
    ["byte", "An 8-bit unsigned number, 0 to 255."],
    ["boolean", "true or false (prefer bool)."],
    ["bool", "true or false."],
    ["word", "A 16-bit unsigned number, 0 to 65535."],
    ["String", "Text that can grow; see the String reference."],
    ["uint8_t", "An 8-bit unsigned number."],
    ["int8_t", "An 8-bit signed number."],
    ["uint16_t", "A 16-bit unsigned number."],
    ["int16_t", "A 16-bit signed number (what int is on AVR)."],
    ["uint32_t", "A 32-bit unsigned number."],
    ["int32_t", "A 32-bit signed number (what long is on AVR)."],
    ["size_t", "A size or count."],
  ] as const
).map(([label, info]) => ({ label, kind: "type", detail: "type", info }));

const PRINT: ReferenceClass = {
  name: "Print",
  header: null,
  bases: [],
  members: [
    method(
      "print",
      "size_t print(value[, format])",
      "Writes a number or text (format: DEC, HEX, BIN or digits after the point).",
    ),
    method("println", "size_t println(value[, format])", "As print, then a new line (\\r\\n)."),
    method("write", "size_t write(value)", "Writes a byte, or a string's bytes, as they are."),
  ],
};

const STREAM: ReferenceClass = {
  name: "Stream",
  header: null,
  bases: ["Print"],
  members: [
    method("available", "int available()", "How many received bytes are waiting to be read."),
    method("read", "int read()", "The next received byte, or -1 if there is none."),
    method("peek", "int peek()", "The next received byte without taking it, or -1."),
    method(
      "setTimeout",
      "void setTimeout(unsigned long ms)",
      "How long the parse/read functions wait (default 1000 ms).",
    ),
    method(
      "find",
      "bool find(target)",
      "Reads until the target text is found or the timeout passes.",
    ),
    method(
      "findUntil",
      "bool findUntil(target, terminator)",
      "As find, stopping at the terminator.",
    ),
    method("parseInt", "long parseInt()", "Reads the next whole number."),
    method("parseFloat", "float parseFloat()", "Reads the next decimal number."),
    method(
      "readBytes",
      "size_t readBytes(buffer, length)",
      "Reads up to length bytes into a buffer.",
    ),
    method(
      "readBytesUntil",
      "size_t readBytesUntil(terminator, buffer, length)",
      "As readBytes, stopping at the terminator.",
    ),
    method("readString", "String readString()", "Reads text until the timeout passes."),
    method(
      "readStringUntil",
      "String readStringUntil(char terminator)",
      "Reads text up to the terminator (e.g. '\\n').",
    ),
  ],
};

const HARDWARE_SERIAL: ReferenceClass = {
  name: "HardwareSerial",
  header: null,
  bases: ["Stream"],
  members: [
    method(
      "begin",
      "void begin(unsigned long baud)",
      "Opens the port at a baud rate (match the serial monitor, e.g. 9600).",
    ),
    method("end", "void end()", "Closes the port; its pins are plain pins again."),
    method("flush", "void flush()", "Waits until everything written has been sent."),
    method(
      "availableForWrite",
      "int availableForWrite()",
      "Bytes that can be written without waiting.",
    ),
  ],
};

const SOFTWARE_SERIAL: ReferenceClass = {
  name: "SoftwareSerial",
  header: "SoftwareSerial.h",
  bases: ["Stream"],
  members: [
    method("begin", "void begin(long baud)", "Starts the port at a baud rate."),
    method("end", "void end()", "Stops the port."),
    method("listen", "bool listen()", "Makes this the port that receives (one at a time)."),
    method("isListening", "bool isListening()", "Whether this port is the one receiving."),
    method(
      "overflow",
      "bool overflow()",
      "Whether received bytes were lost (and clears the flag).",
    ),
  ],
};

const SERVO: ReferenceClass = {
  name: "Servo",
  header: "Servo.h",
  bases: [],
  members: [
    method(
      "attach",
      "uint8_t attach(pin[, min, max])",
      "Starts the servo's pulses on a pin (min/max: pulse µs for 0° and 180°).",
    ),
    method("detach", "void detach()", "Stops the pulses."),
    method("write", "void write(int angle)", "Turns to an angle, 0 to 180 degrees."),
    method(
      "writeMicroseconds",
      "void writeMicroseconds(int us)",
      "Sets the pulse width in µs (1500 is the middle).",
    ),
    method("read", "int read()", "The angle last written."),
    method("readMicroseconds", "int readMicroseconds()", "The pulse width in µs."),
    method("attached", "bool attached()", "Whether the servo is attached to a pin."),
  ],
};

const LIQUID_CRYSTAL: ReferenceClass = {
  name: "LiquidCrystal",
  header: "LiquidCrystal.h",
  bases: ["Print"],
  members: [
    method(
      "begin",
      "void begin(cols, rows)",
      "Starts the display with its size, e.g. begin(16, 2).",
    ),
    method("clear", "void clear()", "Clears the display; the cursor goes to the top left."),
    method("home", "void home()", "Moves the cursor to the top left."),
    method(
      "setCursor",
      "void setCursor(col, row)",
      "Where the next character goes (0-based column and row).",
    ),
    method(
      "setRowOffsets",
      "void setRowOffsets(row0, row1, row2, row3)",
      "The display memory addresses where the rows start.",
    ),
    method("display", "void display()", "Turns the text on again."),
    method("noDisplay", "void noDisplay()", "Hides the text (it is kept)."),
    method("cursor", "void cursor()", "Shows the cursor as an underscore."),
    method("noCursor", "void noCursor()", "Hides the cursor."),
    method("blink", "void blink()", "Blinks the cursor's block."),
    method("noBlink", "void noBlink()", "Stops blinking the cursor."),
    method("scrollDisplayLeft", "void scrollDisplayLeft()", "Shifts the text one place left."),
    method("scrollDisplayRight", "void scrollDisplayRight()", "Shifts the text one place right."),
    method("leftToRight", "void leftToRight()", "Text runs left to right (the default)."),
    method("rightToLeft", "void rightToLeft()", "Text runs right to left."),
    method(
      "autoscroll",
      "void autoscroll()",
      "Each character shifts the text instead of moving the cursor.",
    ),
    method("noAutoscroll", "void noAutoscroll()", "Turns autoscroll off."),
    method(
      "createChar",
      "void createChar(location, byte charmap[8])",
      "Defines custom character 0..7 from 8 rows of 5 bits.",
    ),
    method("command", "void command(byte value)", "Sends a raw HD44780 instruction."),
  ],
};

const STEPPER: ReferenceClass = {
  name: "Stepper",
  header: "Stepper.h",
  bases: [],
  members: [
    method(
      "setSpeed",
      "void setSpeed(long rpm)",
      "The speed of step(), in revolutions per minute.",
    ),
    method(
      "step",
      "void step(int steps)",
      "Moves the given steps (negative: backwards); returns when done.",
    ),
  ],
};

/** Every class by name; `members` are its own, `bases` lead to the inherited ones. */
export const CLASSES: ReadonlyMap<string, ReferenceClass> = new Map(
  [PRINT, STREAM, HARDWARE_SERIAL, SOFTWARE_SERIAL, SERVO, LIQUID_CRYSTAL, STEPPER].map((c) => [
    c.name,
    c,
  ]),
);

/** Objects every sketch has, with their class (Serial1..3 exist on the Mega 2560 only). */
export const CORE_OBJECTS: readonly (ReferenceEntry & { readonly className: string })[] = [
  {
    label: "Serial",
    kind: "variable",
    detail: "HardwareSerial",
    className: "HardwareSerial",
    info: "The USB serial port (pins 0 and 1), shown in the serial monitor.",
  },
  ...[1, 2, 3].map((n) => ({
    label: `Serial${n}`,
    kind: "variable" as const,
    detail: "HardwareSerial",
    className: "HardwareSerial",
    info: `Serial port ${n}, on the Mega 2560 only.`,
  })),
];

/** Headers a sketch can include: the AVR core's libraries and OhmCloud's own. */
export const LIBRARY_HEADERS: readonly ReferenceEntry[] = (
  [
    ["Servo.h", "Servo motors (angle from pulse width)."],
    ["LiquidCrystal.h", "Character LCDs (HD44780) such as the 1602 and 2004."],
    ["Stepper.h", "Stepper motors on 2 or 4 wires."],
    ["SoftwareSerial.h", "A serial port on any two pins."],
    ["Wire.h", "I²C (TWI) devices."],
    ["SPI.h", "SPI devices."],
    ["EEPROM.h", "The MCU's EEPROM: bytes kept without power."],
  ] as const
).map(([label, info]) => ({ label, kind: "constant", detail: "library", info }));

/** A class's members with the inherited ones, the class's own first (an override hides its base's). */
export function classMembers(name: string): ReferenceEntry[] {
  const found = new Map<string, ReferenceEntry>();
  const visit = (className: string) => {
    const type = CLASSES.get(className);
    if (!type) return;
    for (const member of type.members)
      if (!found.has(member.label)) found.set(member.label, member);
    type.bases.forEach(visit);
  };
  visit(name);
  return [...found.values()];
}
