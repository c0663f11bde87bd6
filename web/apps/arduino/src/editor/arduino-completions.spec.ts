import { describe, expect, it } from "vitest";
import { arduinoCompletions, objectClass } from "./arduino-completions";
import { classMembers } from "./arduino-reference";
import { sketchDeclarations } from "./sketch-declarations";

const SKETCH = `#include <Servo.h>
#include <LiquidCrystal.h>
#include <Stepper.h>
#define BUTTON_PIN 2
Servo myservo;
Servo *arm = &myservo;
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
Stepper motor(200, 8, 9, 10, 11);
int brightness = 0;
void fadeStep() {}
`;
const declared = sketchDeclarations(SKETCH);

function labels(before: string, explicit = false): string[] {
  return arduinoCompletions(before, declared, explicit)?.options.map((o) => o.label) ?? [];
}

describe("arduinoCompletions in code", () => {
  it("offers the core API, the library classes and the sketch's names for a word", () => {
    const answer = arduinoCompletions("  digi", declared)!;
    expect(answer.from).toBe(2);
    const offered = answer.options.map((o) => o.label);
    for (const name of [
      "pinMode",
      "digitalWrite",
      "digitalRead",
      "analogRead",
      "analogWrite",
      "delay",
      "delayMicroseconds",
      "millis",
      "micros",
      "tone",
      "noTone",
      "pulseIn",
      "map",
      "constrain",
      "random",
      "attachInterrupt",
      "HIGH",
      "LOW",
      "INPUT",
      "INPUT_PULLUP",
      "OUTPUT",
      "LED_BUILTIN",
      "A0",
      "A5",
      "Serial",
      "Servo",
      "LiquidCrystal",
      "Stepper",
      "myservo",
      "lcd",
      "brightness",
      "fadeStep",
      "BUTTON_PIN",
    ])
      expect(offered).toContain(name);
    expect(new Set(offered).size).toBe(offered.length);
  });

  it("describes what it offers", () => {
    const options = arduinoCompletions("pin", declared)!.options;
    expect(options.find((o) => o.label === "pinMode")).toMatchObject({
      kind: "function",
      detail: "void pinMode(pin, mode)",
    });
    expect(options.find((o) => o.label === "myservo")).toMatchObject({
      kind: "variable",
      detail: "Servo",
      boost: 1,
    });
    expect(options.find((o) => o.label === "Servo")).toMatchObject({
      kind: "class",
      detail: "#include <Servo.h>",
    });
  });

  it("offers setup and loop snippets at the start of a line, unless the sketch has them", () => {
    const setup = arduinoCompletions("set", declared)!.options.find((o) => o.label === "setup");
    expect(setup?.snippet).toBe("void setup() {\n\t${}\n}");
    expect(labels("x = set")).not.toContain("setup");
    const withSetup = sketchDeclarations("void setup() {}\n");
    const offered = arduinoCompletions("lo", withSetup)!.options.map((o) => o.label);
    expect(offered).toContain("loop");
    expect(arduinoCompletions("se", withSetup)!.options.filter((o) => o.label === "setup")).toEqual(
      [{ label: "setup", kind: "function", detail: undefined, boost: 1 }],
    );
  });

  it("does not offer the word being typed as one of the sketch's names", () => {
    const typing = sketchDeclarations("int counte");
    expect(arduinoCompletions("int counte", typing)!.options.map((o) => o.label)).not.toContain(
      "counte",
    );
  });

  it("stays quiet with nothing typed or in a number, unless asked", () => {
    expect(arduinoCompletions("  x = ", declared)).toBeNull();
    expect(arduinoCompletions("  x = 12", declared)).toBeNull();
    expect(arduinoCompletions("  x = 0x1F", declared, true)).toBeNull();
    expect(arduinoCompletions("  x = 3.", declared, true)).toBeNull();
    const asked = arduinoCompletions("  x = ", declared, true)!;
    expect(asked.from).toBe(6);
    expect(asked.options.map((o) => o.label)).toContain("analogRead");
  });
});

describe("arduinoCompletions after a member access", () => {
  it("offers Serial's members, its Stream and Print ones included, and nothing else", () => {
    const answer = arduinoCompletions("  Serial.pr", declared)!;
    expect(answer.from).toBe(9);
    const offered = answer.options.map((o) => o.label);
    for (const name of ["begin", "print", "println", "available", "read", "write", "parseInt"])
      expect(offered).toContain(name);
    expect(offered).not.toContain("pinMode");
    expect(labels("Serial1.")).toEqual(offered);
  });

  it("offers a declared object's class members", () => {
    expect(labels("  myservo.")).toEqual([
      "attach",
      "detach",
      "write",
      "writeMicroseconds",
      "read",
      "readMicroseconds",
      "attached",
    ]);
    expect(labels("motor.st")).toEqual(["setSpeed", "step"]);
    const lcd = labels("lcd . ");
    for (const name of ["begin", "setCursor", "clear", "createChar", "print", "println"])
      expect(lcd).toContain(name);
    expect(lcd.filter((l) => l === "write")).toHaveLength(1); // LiquidCrystal's own, not Print's too
    expect(labels("arm->wr")).toEqual(labels("myservo.wr"));
  });

  it("offers nothing after an object whose class it does not know", () => {
    expect(arduinoCompletions("brightness.", declared, true)).toBeNull();
    expect(arduinoCompletions("unknown.x", declared)).toBeNull();
    expect(objectClass("brightness", declared)).toBeNull();
    expect(objectClass("lcd", declared)).toBe("LiquidCrystal");
    expect(objectClass("Serial2", declared)).toBe("HardwareSerial");
  });
});

it("offers library headers after #include", () => {
  const answer = arduinoCompletions("#include <Li", declared)!;
  expect(answer.from).toBe(10);
  expect(answer.options.map((o) => o.label)).toEqual([
    "Servo.h",
    "LiquidCrystal.h",
    "Stepper.h",
    "SoftwareSerial.h",
    "Wire.h",
    "SPI.h",
    "EEPROM.h",
  ]);
  expect(arduinoCompletions('#include "', declared)?.from).toBe(10);
});

it("classMembers lists a class's own members before inherited ones, each once", () => {
  const members = classMembers("SoftwareSerial").map((m) => m.label);
  expect(members.slice(0, 5)).toEqual(["begin", "end", "listen", "isListening", "overflow"]);
  expect(members).toContain("readStringUntil");
  expect(members).toContain("println");
  expect(classMembers("Nothing")).toEqual([]);
});
