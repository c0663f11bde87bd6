/**
 * Geometry of the parts @wokwi/elements has no element for and the workspace draws itself (besides
 * breadboards, breadboard-geometry.ts). Pins are 0.1" apart where the real part's are, so they plug
 * into breadboards like the others. How to draw each (sizes in workspace units):
 *
 * - `battery-9v` 57.6 × 105.6: the battery body (0..86.4 high, dark with a copper band) seen from
 *   the front, snaps on top; its clip's red (+) and black (−) leads end at the pins at the bottom,
 *   the black one a pitch shorter: plugged into the top rails, − goes into `tn` and + into `tp`
 *   (two rows, so it never shorts itself across one rail).
 * - `dc-motor` 76.8 × 67.2: a grey can (0..48 high) with a shaft pointing up; two tabs at the
 *   bottom, "+" left (red mark), "−" right. It spins as fast as the part view's `speed` says.
 * - `tmp36` 28.8 × 48: a black TO-92 body (0..28.8 high), flat face to the viewer with "TMP36"
 *   on it; three legs down to the pins VCC, VOUT, GND from left to right.
 * - `relay` 96 × 67.2: a blue module board with a 5 V relay cube; a 3-pin header on the left
 *   (VCC, GND, IN from the top) and a 3-way screw terminal on the right (NO, COM, NC, 5 mm apart);
 *   an LED that is on while the part view says `closed`. When the header is in breadboard holes the
 *   screw terminals are half a pitch off the grid: they take wires, not holes.
 */
import type { PartGeometry } from "./geometry";

export const DRAWN_GEOMETRY: Readonly<Record<string, PartGeometry>> = {
  "battery-9v": {
    width: 57.6,
    height: 105.6,
    pins: [
      { name: "+", x: 19.2, y: 105.6, label: "+ (red lead)" },
      { name: "-", x: 38.4, y: 96, label: "− (black lead)" },
    ],
  },
  "dc-motor": {
    width: 76.8,
    height: 67.2,
    pins: [
      { name: "+", x: 28.8, y: 67.2 },
      { name: "-", x: 48, y: 67.2 },
    ],
  },
  tmp36: {
    width: 28.8,
    height: 48,
    pins: [
      { name: "VCC", x: 4.8, y: 48, label: "+Vs" },
      { name: "VOUT", x: 14.4, y: 48, label: "Vout" },
      { name: "GND", x: 24, y: 48 },
    ],
  },
  relay: {
    width: 96,
    height: 67.2,
    pins: [
      { name: "VCC", x: 0, y: 19.2 },
      { name: "GND", x: 0, y: 28.8 },
      { name: "IN", x: 0, y: 38.4, label: "IN (signal)" },
      { name: "NO", x: 96, y: 14.4, label: "NO (normally open)" },
      { name: "COM", x: 96, y: 33.6, label: "COM (common)" },
      { name: "NC", x: 96, y: 52.8, label: "NC (normally closed)" },
    ],
  },
};
