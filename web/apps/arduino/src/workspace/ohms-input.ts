/**
 * Resistances as makers type and read them: `220`, `4.7k`, `4k7`, `10 kΩ`, `1M` (mega, as on a
 * resistor's label — unlike SPICE, where M is milli), `2R2`, `470 ohm`. Used by the properties panel.
 */

const SCALE: Readonly<Record<string, number>> = { r: 1, k: 1e3, m: 1e6, g: 1e9 };

export type OhmsParse = { ok: true; ohms: number } | { ok: false; message: string };

export function parseOhms(input: string): OhmsParse {
  const text = input
    .trim()
    .replace(/\s*(?:Ω|ω|ohms?)$/i, "")
    .replace(/\s+/g, "");
  const hint = "write a resistance such as 220, 4.7k or 1M";
  if (text === "") return { ok: false, message: `Enter a value: ${hint}.` };
  // 4k7, 2R2, 1M5: the letter stands for the decimal point.
  const infix = /^(\d+)([rkmg])(\d+)$/i.exec(text);
  const plain = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?([rkmg])?$/i.exec(text);
  let ohms: number;
  if (infix) {
    ohms = Number(`${infix[1]}.${infix[3]}`) * SCALE[infix[2]!.toLowerCase()]!;
  } else if (plain) {
    ohms = Number(`${plain[1]}e${plain[2] ?? 0}`) * SCALE[(plain[3] ?? "r").toLowerCase()]!;
  } else {
    return { ok: false, message: `“${input.trim()}” is not a resistance: ${hint}.` };
  }
  if (!(ohms > 0) || !Number.isFinite(ohms))
    return { ok: false, message: "A resistance must be more than 0 Ω." };
  return { ok: true, ohms };
}

/** `4700` → `4.7k`, `220` → `220`, `1e6` → `1M` (three significant digits at most). */
export function formatOhms(ohms: number): string {
  const [scale, suffix] =
    ohms >= 1e9 ? [1e9, "G"] : ohms >= 1e6 ? [1e6, "M"] : ohms >= 1e3 ? [1e3, "k"] : [1, ""];
  return `${Number((ohms / scale).toPrecision(3))}${suffix}`;
}
