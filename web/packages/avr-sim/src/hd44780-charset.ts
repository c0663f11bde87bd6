/**
 * The HD44780's character generator ROM A00 (the common Japanese one) as Unicode, one character per
 * code so a display line stays `cols` characters long.
 *
 * Codes 0x00..0x0F show the eight CGRAM characters (0x08..0x0F repeat 0x00..0x07); they are given as
 * U+E000..U+E007 (private use) so a UI can draw the user's glyph there.
 */

/** 0xE0..0xFF: Greek and math symbols; approximations where Unicode has no single character (x̄ → x). */
const ROW_E0 = "αäβεμσρg√¹jˣ¢£ñöpqθ∞ΩüΣπxy千万円÷ █";

export const CGRAM_CHAR_BASE = 0xe000;

export function romA00Char(code: number): string {
  const c = code & 0xff;
  if (c < 0x10) return String.fromCharCode(CGRAM_CHAR_BASE + (c & 7));
  if (c < 0x20) return " "; // not in the ROM: blank on the glass
  if (c === 0x5c) return "¥";
  if (c === 0x7e) return "→";
  if (c === 0x7f) return "←";
  if (c < 0x80) return String.fromCharCode(c);
  if (c === 0xdf) return "°"; // ROM A00's handakuten, which sketches print as a degree sign
  if (c >= 0xa1 && c < 0xe0) return String.fromCharCode(0xff61 + (c - 0xa1)); // JIS X 0201 katakana
  if (c >= 0xe0) return ROW_E0[c - 0xe0] ?? " ";
  return " "; // 0x80..0xA0 are blank in ROM A00
}
