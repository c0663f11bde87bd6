import { expect, it } from "vitest";
import { formatTimestamp, LINE_ENDINGS, MAX_OUTPUT_CHARS, SerialOutput } from "./serial-log";

const bytes = (text: string) => Array.from(new TextEncoder().encode(text));

it("decodes UTF-8 split across slices and shows CR LF as one line break", () => {
  const out = new SerialOutput();
  const degree = bytes("21.5 °C\r\n");
  out.append(degree.slice(0, 6)); // ends inside "°"
  expect(out.text).toBe("21.5 ");
  expect(out.append(degree.slice(6))).toBe("21.5 °C\n");
  expect(out.append(bytes("a\rb\r"))).toBe("21.5 °C\na\nb");
  expect(out.append(bytes("\nc"))).toBe("21.5 °C\na\nb\nc");
});

it("keeps only the last MAX_OUTPUT_CHARS characters, and clears", () => {
  const out = new SerialOutput();
  out.append(bytes("x".repeat(MAX_OUTPUT_CHARS)));
  expect(out.append(bytes("END"))).toHaveLength(MAX_OUTPUT_CHARS);
  expect(out.text.endsWith("xEND")).toBe(true);
  expect(out.clear()).toBe("");
});

it("offers the IDE's three line endings", () => {
  expect(Object.values(LINE_ENDINGS).map((e) => e.text)).toEqual(["", "\n", "\r\n"]);
});

it("stamps each line with the simulated time its first character arrived", () => {
  const out = new SerialOutput();
  out.append(bytes("boot"), 12);
  out.append(bytes("ed\r\nv=1\n"), 1500.4);
  out.append(bytes("v=2\n"), 3_723_004);
  expect(out.timestamped).toBe(
    "00:00:00.012 -> booted\n00:00:01.500 -> v=1\n01:02:03.004 -> v=2\n",
  );
  expect(out.takeCompletedLines()).toEqual([
    { ms: 12, text: "booted" },
    { ms: 1500.4, text: "v=1" },
    { ms: 3_723_004, text: "v=2" },
  ]);
  expect(out.takeCompletedLines()).toEqual([]);
  expect(formatTimestamp(59_999)).toBe("00:00:59.999");
});
