/**
 * The 16×2 LCD as the LCD examples wire it (LiquidCrystal's 4-bit wiring, as in the Arduino IDE's
 * examples): RS 12, E 11, D4..D7 on 5, 4, 3, 2, RW, VSS and V0 (full contrast) on GND, VDD on 5V,
 * the backlight's A through 220 Ω to 5V and K to GND. The LCD stands above the board with RS over
 * pin 12, so the data wires run almost straight down; power wires go round the board.
 */
import { pinOf, placeByPin, type ExampleWire, type ExamplePart } from "./example";

/** The LCD (id `lcd1`) and its backlight resistor (`r1`) over `board`, wired. */
export function lcdOverBoard(board: ExamplePart): { parts: ExamplePart[]; wires: ExampleWire[] } {
  const d12 = pinOf(board, "D12");
  const lcd: ExamplePart = {
    id: "lcd1",
    kind: "lcd1602",
    ...placeByPin("lcd1602", "RS", { x: d12.x, y: d12.y - 60 }),
  };
  const pin = (name: string) => pinOf(lcd, name);
  const fiveV = pinOf(board, "5V");
  const gnd3 = pinOf(board, "GND.3");
  const a = pin("A");
  const k = pin("K");
  // The backlight resistor lies in the gap between the LCD and the board, right of the board.
  const resistor: ExamplePart = {
    id: "r1",
    kind: "resistor",
    props: { ohms: 220 },
    ...placeByPin("resistor", "1", { x: board.x + 280, y: board.y - 6 }),
  };
  const r1 = pinOf(resistor, "1");
  const r2 = pinOf(resistor, "2");
  const left = board.x - 30;
  return {
    parts: [lcd, resistor],
    wires: [
      ["lcd1.VSS", `${board.id}.GND`, "black"],
      [
        "lcd1.VDD",
        `${board.id}.5V`,
        "red",
        [
          { x: pin("VDD").x, y: pin("VDD").y + 15 },
          { x: left, y: pin("VDD").y + 15 },
          { x: left, y: fiveV.y + 30 },
          { x: fiveV.x, y: fiveV.y + 30 },
        ],
      ],
      ["lcd1.V0", `${board.id}.GND`, "black"],
      ["lcd1.RS", `${board.id}.D12`, "blue"],
      ["lcd1.RW", `${board.id}.GND`, "black"],
      ["lcd1.E", `${board.id}.D11`, "purple"],
      ["lcd1.D4", `${board.id}.D5`, "green"],
      ["lcd1.D5", `${board.id}.D4`, "green"],
      ["lcd1.D6", `${board.id}.D3`, "green"],
      ["lcd1.D7", `${board.id}.D2`, "green"],
      ["lcd1.A", "r1.1", "red", [{ x: a.x, y: r1.y }]],
      [
        "r1.2",
        `${board.id}.5V`,
        "red",
        [
          { x: r2.x + 20, y: r2.y },
          { x: r2.x + 20, y: fiveV.y + 20 },
          { x: fiveV.x, y: fiveV.y + 20 },
        ],
      ],
      [
        "lcd1.K",
        `${board.id}.GND.3`,
        "black",
        [
          { x: k.x, y: k.y + 10 },
          { x: r2.x + 40, y: k.y + 10 },
          { x: r2.x + 40, y: gnd3.y + 40 },
          { x: gnd3.x, y: gnd3.y + 40 },
        ],
      ],
    ],
  };
}
