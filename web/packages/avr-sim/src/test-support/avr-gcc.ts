/**
 * Test helper: compiles a small C program with the real avr-gcc (`-Os`, like the Arduino IDE) and
 * returns its Intel HEX, so specs run genuine machine code rather than hand-written opcodes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type Mcu = "atmega328p" | "atmega2560";

export function compileC(source: string, mcu: Mcu = "atmega328p"): string {
  const dir = mkdtempSync(join(tmpdir(), "avr-sim-test-"));
  try {
    const c = join(dir, "main.c");
    const elf = join(dir, "main.elf");
    const hex = join(dir, "main.hex");
    writeFileSync(c, source);
    execFileSync(
      "avr-gcc",
      [`-mmcu=${mcu}`, "-DF_CPU=16000000UL", "-Os", "-Wall", "-Werror", "-o", elf, c],
      {
        stdio: "pipe",
      },
    );
    execFileSync("avr-objcopy", ["-O", "ihex", "-R", ".eeprom", elf, hex], { stdio: "pipe" });
    return readFileSync(hex, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
