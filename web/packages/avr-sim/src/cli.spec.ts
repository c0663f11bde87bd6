/**
 * The CLI as the server runs it: bundled by the package's own vite config (into a temp dir, so the
 * spec does not depend on a previous `npm run build`) and run by plain `node`, JSON in and out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileC } from "./test-support/avr-gcc";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
let outDir = "";

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "avr-sim-cli-"));
  await build({
    root: PACKAGE_DIR,
    configFile: join(PACKAGE_DIR, "vite.config.ts"),
    logLevel: "silent",
    build: { outDir },
  });
}, 60_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runCli(stdin: string): { status: number | null; body: Record<string, unknown> } {
  const result = spawnSync(process.execPath, [join(outDir, "cli.js")], {
    input: stdin,
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.stderr).toBe("");
  return { status: result.status, body: JSON.parse(result.stdout) as Record<string, unknown> };
}

describe("node dist/cli.js", () => {
  it("runs a request and writes the response", () => {
    const hex = compileC(`
      #include <avr/io.h>
      #include <util/delay.h>
      int main(void) {
        UBRR0 = 103; UCSR0B = _BV(TXEN0);
        DDRB |= _BV(PB5);
        for (const char *s = "hi\\n"; *s; s++) { while (!(UCSR0A & _BV(UDRE0))) {} UDR0 = *s; }
        for (;;) { PORTB ^= _BV(PB5); _delay_ms(250); }
      }`);
    const { status, body } = runCli(JSON.stringify({ hex, board: "uno", ms: 1000 }));
    expect(status).toBe(0);
    expect(body.serial).toBe("hi\n");
    const changes = body.pinChanges as { t_us: number; pin: number; value: number }[];
    expect(changes.map((c) => c.value)).toEqual([1, 0, 1, 0]);
    expect(changes[3]!.t_us - changes[2]!.t_us).toBeCloseTo(250_000, -3);
    expect(body).toMatchObject({ cycles: 16_000_000, simulatedMs: 1000, stoppedEarly: false });
    expect(body.speed as number).toBeGreaterThan(0);
  });

  it("runs a board in its circuit: net traces, warnings, the running board", () => {
    const hex = compileC(`
      #include <avr/io.h>
      #include <util/delay.h>
      int main(void) { DDRB |= _BV(PB5); for (;;) { PORTB ^= _BV(PB5); _delay_ms(100); } }`);
    const circuit = {
      components: [
        { id: "uno1", kind: "uno" },
        { id: "r1", kind: "resistor", props: { ohms: 220 } },
        { id: "led1", kind: "led" },
      ],
      wires: [
        ["uno1.D13", "r1.1"],
        ["r1.2", "led1.A"],
        ["led1.C", "uno1.GND"],
      ],
    };
    const { status, body } = runCli(JSON.stringify({ hex, ms: 350, circuit, pins: ["led1.A"] }));
    expect(status).toBe(0);
    expect(body).toMatchObject({ mcu: "uno1", netChangesCapped: false });
    const warnings = body.circuitWarnings as { t_us: number; kind: string }[];
    expect(warnings).toEqual([]); // D13 floats only at start-up, until pinMode: no warning
    const values = (body.netChanges as { value: number | null }[]).map((c) => c.value);
    expect(values).toEqual([null, 0, 1, 0, 1, 0]); // floating, output LOW, toggles at 0, 100, 200, 300 ms
  });

  it.each([
    ["not JSON", "{", "the request is not valid JSON"],
    [
      "a bad field",
      JSON.stringify({ hex: ":00000001FF", board: "due" }),
      "board: must be one of uno, nano, mega2560",
    ],
    [
      "a corrupt HEX",
      JSON.stringify({ hex: ":0100000001FF\n:00000001FF" }),
      "hex: line 1: checksum mismatch",
    ],
    [
      "a circuit the model refuses",
      JSON.stringify({
        hex: ":00000001FF",
        circuit: { components: [{ id: "uno1", kind: "uno" }], wires: [["uno1.D13", "uno1.D99"]] },
      }),
      "circuit: wire: no pin uno1.D99",
    ],
  ])("answers %s with an error and exit code 1", (_, stdin, error) => {
    expect(runCli(stdin)).toEqual({ status: 1, body: { error } });
  });
});
