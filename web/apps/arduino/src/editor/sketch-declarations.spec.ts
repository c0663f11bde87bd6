import { describe, expect, it } from "vitest";
import { sketchDeclarations } from "./sketch-declarations";

const SKETCH = `#include <Servo.h>
#include <LiquidCrystal.h>
#define BUTTON 2
const int ledPin = 13, otherPin = 12;
Servo myservo, second;
Servo *pointer = &myservo;
LiquidCrystal lcd(12, 11, 5, 4, 3, 2);
int readings[10];
struct Point { int x; int y; };
enum Mode { OFF, BLINKING };
typedef unsigned long Ticks;
int average(int count);
unsigned long *buffer() { return 0; }
void setup() {
  int local = 1; // int commented = 2;
  for (int i = 0; i < 3; i++) {}
  const char *text = "int quoted = 3;";
}
`;

describe("sketchDeclarations", () => {
  const found = sketchDeclarations(SKETCH);
  const byName = new Map(found.map((d) => [d.name, d]));

  it("finds variables with their class when it is a plain name", () => {
    expect(byName.get("myservo")).toEqual({ name: "myservo", kind: "variable", type: "Servo" });
    expect(byName.get("second")?.type).toBe("Servo");
    expect(byName.get("pointer")?.type).toBe("Servo");
    expect(byName.get("lcd")?.type).toBe("LiquidCrystal");
    expect(byName.get("ledPin")).toEqual({ name: "ledPin", kind: "variable", type: null });
    expect(byName.get("otherPin")?.kind).toBe("variable");
    expect(byName.get("readings")?.kind).toBe("variable");
    expect(byName.get("local")?.kind).toBe("variable");
    expect(byName.get("i")?.kind).toBe("variable");
    expect(byName.get("text")?.kind).toBe("variable");
  });

  it("finds functions, prototypes, parameters, macros and types", () => {
    expect(byName.get("setup")?.kind).toBe("function");
    expect(byName.get("buffer")?.kind).toBe("function");
    expect(byName.get("average")?.kind).toBe("function");
    expect(byName.get("count")?.kind).toBe("variable");
    expect(byName.get("BUTTON")?.kind).toBe("macro");
    expect(byName.get("Point")?.kind).toBe("type");
    expect(byName.get("Mode")?.kind).toBe("type");
    expect(byName.get("Ticks")?.kind).toBe("type");
    expect(byName.get("OFF")?.kind).toBe("constant");
    expect(byName.get("BLINKING")?.kind).toBe("constant");
  });

  it("ignores comments, strings, struct fields and uses of names", () => {
    for (const name of ["commented", "quoted", "x", "y", "Servo", "LiquidCrystal", "myservo2"])
      expect(byName.has(name)).toBe(false);
    expect(found.filter((d) => d.name === "myservo")).toHaveLength(1);
  });

  it("copes with half-typed code", () => {
    const names = sketchDeclarations("Servo arm;\nvoid loop() {\n  arm.wr\n").map((d) => d.name);
    expect(names).toEqual(["arm", "loop"]);
    expect(sketchDeclarations("")).toEqual([]);
  });
});
