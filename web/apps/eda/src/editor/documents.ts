/**
 * Schematic documents in and out of the editor: the bundled examples, reading an opened file, saving
 * format v1, and the autosave copy in localStorage.
 */
import { emptySchematic, type Schematic } from "@ohmcloud/canvas";
import exampleIndex from "../examples/index.json";

/** An example file: the schematic with the analyses to run on it. */
export interface ExampleFile {
  readonly title: string;
  readonly description: string;
  readonly analyses: readonly Record<string, unknown>[];
  readonly schematic: Schematic;
}

export interface ExampleEntry {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly file: ExampleFile;
}

const FILES = import.meta.glob<ExampleFile>("../examples/*.json", {
  eager: true,
  import: "default",
});

/** The examples in the order of `examples/index.json`. */
export const EXAMPLES: readonly ExampleEntry[] = exampleIndex.flatMap((entry) => {
  const file = FILES[`../examples/${entry.slug}.json`];
  return file === undefined ? [] : [{ ...entry, file }];
});

/** Reads a schematic document (or an example file holding one); throws a readable error. */
export function readSchematic(text: string): Schematic {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("The file is not JSON.");
  }
  if (typeof value === "object" && value !== null && "schematic" in value) {
    value = (value as { schematic: unknown }).schematic;
  }
  const document = value as Partial<Schematic> | null;
  if (
    typeof document !== "object" ||
    document === null ||
    document.format !== "ohmcloud-schematic"
  ) {
    throw new Error("The file is not an OhmCloud schematic.");
  }
  if (document.version !== 1) {
    throw new Error(
      `Schematic format version ${String(document.version)} is not supported (only 1).`,
    );
  }
  const schematic = { ...emptySchematic(), ...document } as Schematic;
  for (const field of ["components", "wires", "junctions", "labels", "no_connects"] as const) {
    if (!Array.isArray(schematic[field])) throw new Error(`"${field}" is not a list.`);
  }
  return schematic;
}

/** The document as saved: format v1 JSON. */
export function writeSchematic(schematic: Schematic): string {
  return `${JSON.stringify(schematic, null, 1)}\n`;
}

/** A new document with today's date in the title block. */
export function newSchematic(today = new Date()): Schematic {
  return {
    ...emptySchematic(),
    sheet: { size: "A4", orientation: "landscape" },
    title_block: { title: "Untitled", date: today.toISOString().slice(0, 10), revision: "1" },
  };
}

const AUTOSAVE_KEY = "ohmcloud.eda.autosave";

export function loadAutosave(): Schematic | undefined {
  try {
    const text = globalThis.localStorage?.getItem(AUTOSAVE_KEY);
    return text ? readSchematic(text) : undefined;
  } catch {
    return undefined;
  }
}

export function saveAutosave(schematic: Schematic): void {
  try {
    globalThis.localStorage?.setItem(AUTOSAVE_KEY, JSON.stringify(schematic));
  } catch {
    // Storage full or disabled: nothing to do but lose the autosave.
  }
}

/** Offers `content` as a file download. */
export function download(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the title (`Voltage divider` → `voltage-divider`). */
export function fileStem(schematic: Schematic): string {
  const title = schematic.title_block?.title ?? "";
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "schematic"
  );
}

/**
 * The sheet as a standalone SVG: the canvas's drawing without the view transform, grid, highlights and
 * markers, in millimetres.
 */
export function sheetSvg(svg: SVGSVGElement, width: number, height: number): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.querySelectorAll('[data-export="skip"]').forEach((node) => node.remove());
  copy.querySelector("[data-export-root]")?.removeAttribute("transform");
  for (const name of [
    "data-testid",
    "data-mode",
    "role",
    "aria-label",
    "tabindex",
    "class",
    "style",
  ]) {
    copy.removeAttribute(name);
  }
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  copy.setAttribute("width", `${(width * 0.0254).toFixed(1)}mm`);
  copy.setAttribute("height", `${(height * 0.0254).toFixed(1)}mm`);
  return new XMLSerializer().serializeToString(copy);
}

/** Renders SVG text to a PNG (`pixelsPerMil` 0.2 is about 200 dpi). */
export function svgToPng(
  svgText: string,
  width: number,
  height: number,
  pixelsPerMil = 0.2,
): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * pixelsPerMil);
      canvas.height = Math.round(height * pixelsPerMil);
      const context = canvas.getContext("2d");
      if (context === null) {
        URL.revokeObjectURL(url);
        reject(new Error("This browser cannot draw on a canvas."));
        return;
      }
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (blob === null) reject(new Error("The PNG could not be made."));
        else resolve(blob);
      }, "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("The SVG could not be drawn."));
    };
    image.src = url;
  });
}
