import { describe, expect, it } from "vitest";
import { misreceive } from "./baud-mismatch";
import { SerialConsoles } from "./serial-consoles";

const bytes = (text: string) => [...new TextEncoder().encode(text)];

describe("SerialConsoles", () => {
  it("keeps each board's output and plot apart", () => {
    const consoles = new SerialConsoles();
    consoles.receive("uno1", bytes("1\n2\n"), 9600, 9600, 10);
    consoles.receive("uno2", bytes("hello\n"), 9600, 9600, 20);
    expect(consoles.view("uno1").text).toBe("1\n2\n");
    expect(consoles.view("uno1").plot.series[0]!.values).toEqual([1, 2]);
    expect(consoles.view("uno2").text).toBe("hello\n");
    expect(consoles.view("uno2").plot.series).toEqual([]);
    expect(consoles.view("nano1").text).toBe("");
  });

  it("keeps what a terminal at the wrong rate hears", () => {
    const consoles = new SerialConsoles();
    consoles.receive("uno1", bytes("hello\n"), 9600, 115200, 0);
    const heard = misreceive(bytes("hello\n"), 9600, 115200);
    expect(consoles.view("uno1").text).toBe(new TextDecoder().decode(Uint8Array.from(heard)));
    expect(consoles.view("uno1").text).not.toContain("hello");
  });

  it("stamps lines with the simulated time and clears one board or all", () => {
    const consoles = new SerialConsoles();
    consoles.receive("uno1", bytes("a\n"), 9600, 9600, 1500);
    consoles.receive("uno2", bytes("b\n"), 9600, 9600, 0);
    expect(consoles.view("uno1").timestamped).toContain("-> a");
    consoles.clear("uno1");
    expect(consoles.view("uno1").text).toBe("");
    expect(consoles.view("uno2").text).toBe("b\n");
    consoles.clear();
    expect(consoles.view("uno2").text).toBe("");
  });
});
