/** Sheet sizes of format v1 (mils, landscape; portrait swaps them) and the title block's place. */
import type { Box, Schematic } from "@ohmcloud/canvas";

const LANDSCAPE: Record<string, readonly [number, number]> = {
  A1: [33110, 23386],
  A2: [23386, 16535],
  A3: [16535, 11693],
  A4: [11693, 8268],
  A5: [8268, 5827],
};

/** Width and height of the schematic's sheet in mils. */
export function sheetSize(schematic: Pick<Schematic, "sheet">): { width: number; height: number } {
  const [w, h] = LANDSCAPE[schematic.sheet?.size ?? "A4"] ?? [11693, 8268];
  return schematic.sheet?.orientation === "portrait"
    ? { width: h, height: w }
    : { width: w, height: h };
}

export function sheetBox(schematic: Pick<Schematic, "sheet">): Box {
  const { width, height } = sheetSize(schematic);
  return { minX: 0, minY: 0, maxX: width, maxY: height };
}
