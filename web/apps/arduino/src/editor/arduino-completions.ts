/**
 * Which completions fit where the cursor is in a sketch: library headers after `#include <`,
 * a class's members after `object.` (Serial, or an object the sketch declares such as
 * `Servo myservo;`), otherwise the Arduino core's functions, constants and types, the setup/loop
 * snippets and the names the sketch's files declare. Pure: text in, options out; the CodeMirror
 * source (arduino-completion-source.ts) only adapts it, and the editor filters by what was typed.
 */
import {
  classMembers,
  CLASSES,
  CORE_CONSTANTS,
  CORE_FUNCTIONS,
  CORE_OBJECTS,
  CORE_TYPES,
  LIBRARY_HEADERS,
  type ReferenceEntry,
} from "./arduino-reference";
import type { Declaration, DeclarationKind } from "./sketch-declarations";

export type CompletionKind =
  "function" | "method" | "constant" | "variable" | "type" | "class" | "keyword" | "text";

export interface ArduinoCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly info?: string;
  /** A CodeMirror snippet template (`${}` marks the cursor) inserted instead of the label. */
  readonly snippet?: string;
  /** Higher sorts first among equally good matches. */
  readonly boost?: number;
}

export interface CompletionAnswer {
  /** Where the completed word starts, as an index into the text before the cursor. */
  readonly from: number;
  readonly options: readonly ArduinoCompletion[];
}

/** The two functions every sketch defines, as snippets (offered at the start of a line). */
export const SKETCH_SNIPPETS: readonly ArduinoCompletion[] = [
  {
    label: "setup",
    kind: "keyword",
    detail: "void setup() { … }",
    info: "Runs once when the board starts: set pin modes, Serial.begin, …",
    snippet: "void setup() {\n\t${}\n}",
  },
  {
    label: "loop",
    kind: "keyword",
    detail: "void loop() { … }",
    info: "Runs again and again after setup().",
    snippet: "void loop() {\n\t${}\n}",
  },
];

const INCLUDE = /#\s*include\s*[<"]([\w.]*)$/;
const MEMBER = /([A-Za-z_]\w*)\s*(?:\.|->)\s*(\w*)$/;
const WORD = /(?<![\w.])[A-Za-z_]\w*$/;

/**
 * The completions for a cursor after `before` (the text of its line up to the cursor), given what
 * the sketch's files declare. Null when nothing fits: inside a number, after the member access
 * of an object whose class is unknown, or with nothing typed unless `explicit` (Ctrl+Space).
 */
export function arduinoCompletions(
  before: string,
  declarations: readonly Declaration[],
  explicit = false,
): CompletionAnswer | null {
  const include = INCLUDE.exec(before);
  if (include)
    return {
      from: before.length - include[1]!.length,
      options: LIBRARY_HEADERS.map(fromReference),
    };

  const member = MEMBER.exec(before);
  if (member) {
    const className = objectClass(member[1]!, declarations);
    if (className === null) return null;
    return {
      from: before.length - member[2]!.length,
      options: classMembers(className).map(fromReference),
    };
  }

  const word = WORD.exec(before)?.[0] ?? "";
  if (word === "" && !explicit) return null;
  if (word === "" && /[\w.]$/.test(before)) return null; // in a number such as 3.14
  const atLineStart = before.slice(0, before.length - word.length).trim() === "";
  return {
    from: before.length - word.length,
    options: withoutDuplicates([
      ...(atLineStart ? SKETCH_SNIPPETS.filter((s) => !defines(declarations, s.label)) : []),
      ...[...CORE_FUNCTIONS, ...CORE_CONSTANTS, ...CORE_TYPES, ...CORE_OBJECTS].map(fromReference),
      ...[...CLASSES.values()]
        .filter((type) => type.header !== null)
        .map((type) => ({
          label: type.name,
          kind: "class" as const,
          detail: `#include <${type.header}>`,
          info: `The ${type.name} library's class.`,
        })),
      ...sketchNames(declarations, word),
    ]),
  };
}

/** The class of `object`: a core object's (Serial) or the declared type of a sketch variable. */
export function objectClass(object: string, declarations: readonly Declaration[]): string | null {
  const core = CORE_OBJECTS.find((entry) => entry.label === object);
  if (core) return core.className;
  const declared = declarations.find((d) => d.name === object && d.kind === "variable");
  return declared?.type != null && CLASSES.has(declared.type) ? declared.type : null;
}

const DECLARATION_KINDS: Record<DeclarationKind, CompletionKind> = {
  function: "function",
  variable: "variable",
  macro: "constant",
  type: "type",
  constant: "constant",
};

function defines(declarations: readonly Declaration[], name: string): boolean {
  return declarations.some((d) => d.name === name && d.kind === "function");
}

/** The sketch's own names, preferred over the core's; not the word being typed itself. */
function sketchNames(declarations: readonly Declaration[], typed: string): ArduinoCompletion[] {
  return declarations
    .filter((d) => d.name !== typed)
    .map((d) => ({
      label: d.name,
      kind: DECLARATION_KINDS[d.kind],
      detail: d.type ?? (d.kind === "macro" ? "#define" : undefined),
      boost: 1,
    }));
}

/** The first option of each label (the core's before a sketch's redefinition of the same name). */
function withoutDuplicates(options: readonly ArduinoCompletion[]): ArduinoCompletion[] {
  const seen = new Set<string>();
  return options.filter((option) => !seen.has(option.label) && seen.add(option.label));
}

function fromReference(entry: ReferenceEntry): ArduinoCompletion {
  return { label: entry.label, kind: entry.kind, detail: entry.detail, info: entry.info };
}
