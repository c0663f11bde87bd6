/**
 * The Arduino completions (arduino-completions.ts) as a CodeMirror completion source for C++:
 * not inside comments and string literals (except an `#include` line), with the names declared in
 * the open document and in the sketch's other files.
 */
import {
  snippetCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
} from "@codemirror/autocomplete";
import { syntaxTree } from "@codemirror/language";
import { arduinoCompletions, type ArduinoCompletion } from "./arduino-completions";
import { sketchDeclarations } from "./sketch-declarations";

const QUIET_NODES = new Set([
  "LineComment",
  "BlockComment",
  "String",
  "RawString",
  "CharLiteral",
  "StringLiteral",
]);

/** A completion source; `otherFiles` gives the texts of the sketch's files not being edited. */
export function arduinoCompletionSource(otherFiles: () => readonly string[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    if (!/^\s*#\s*include/.test(before) && inQuietNode(context)) return null;
    const declarations = [context.state.doc.toString(), ...otherFiles()].flatMap(
      sketchDeclarations,
    );
    const answer = arduinoCompletions(before, declarations, context.explicit);
    if (answer === null) return null;
    return {
      from: line.from + answer.from,
      options: answer.options.map(toCompletion),
      validFor: /^\w*$/,
    };
  };
}

function inQuietNode(context: CompletionContext): boolean {
  for (
    let node: ReturnType<typeof syntaxTree>["topNode"] | null = syntaxTree(
      context.state,
    ).resolveInner(context.pos, -1);
    node;
    node = node.parent
  )
    if (QUIET_NODES.has(node.name)) return true;
  return false;
}

function toCompletion(option: ArduinoCompletion): Completion {
  const completion: Completion = {
    label: option.label,
    type: option.kind,
    ...(option.detail !== undefined && { detail: option.detail }),
    ...(option.info !== undefined && { info: option.info }),
    ...(option.boost !== undefined && { boost: option.boost }),
  };
  return option.snippet === undefined ? completion : snippetCompletion(option.snippet, completion);
}
