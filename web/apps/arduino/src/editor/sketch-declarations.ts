/**
 * The names a sketch file declares, found in its C++ syntax tree (the parser the editor highlights
 * with): functions, variables and their types, macros, structs, classes, enums and their values.
 * Scopes are ignored on purpose: a completion for a local variable elsewhere is harmless, and
 * a sketch is small.
 */
import { cppLanguage } from "@codemirror/lang-cpp";

type SyntaxNode = ReturnType<typeof cppLanguage.parser.parse>["topNode"];

export type DeclarationKind = "function" | "variable" | "macro" | "type" | "constant";

export interface Declaration {
  readonly name: string;
  readonly kind: DeclarationKind;
  /** A variable's type name as written (`Servo` for `Servo myservo;`), when it is a plain name. */
  readonly type: string | null;
}

const DECLARATOR = /Declarator$/;

/** Everything `text` declares, in the order it appears; a name declared twice is listed once. */
export function sketchDeclarations(text: string): Declaration[] {
  const found = new Map<string, Declaration>();
  const add = (name: string | null, kind: DeclarationKind, type: string | null = null) => {
    if (name !== null && !found.has(name)) found.set(name, { name, kind, type });
  };
  const source = (node: SyntaxNode | null) => (node ? text.slice(node.from, node.to) : null);

  cppLanguage.parser.parse(text).iterate({
    enter: (ref) => {
      const node = ref.node;
      switch (node.name) {
        case "PreprocDirective":
          if (node.firstChild?.name === "#define")
            add(source(node.getChild("Identifier")), "macro");
          return false;
        case "FunctionDefinition": {
          const declarator = node.getChildren("FunctionDeclarator")[0] ?? firstDeclarator(node);
          add(declaredName(declarator, source), "function");
          return true;
        }
        case "Declaration":
        case "ParameterDeclaration": {
          const type = source(node.getChild("TypeIdentifier"));
          for (let child = node.firstChild; child; child = child.nextSibling) {
            if (child.name === "FunctionDeclarator") add(declaredName(child, source), "function");
            else if (child.name === "Identifier" || DECLARATOR.test(child.name))
              add(declaredName(child, source), "variable", type);
          }
          return true;
        }
        case "StructSpecifier":
        case "ClassSpecifier":
        case "UnionSpecifier":
        case "EnumSpecifier":
          add(source(node.getChild("TypeIdentifier")), "type");
          return true;
        case "TypeDefinition":
          for (const child of node.getChildren("TypeIdentifier").slice(-1))
            add(source(child), "type");
          return true;
        case "Enumerator":
          add(source(node.getChild("Identifier")), "constant");
          return false;
        default:
          return true;
      }
    },
  });
  return [...found.values()];
}

function firstDeclarator(node: SyntaxNode): SyntaxNode | null {
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (DECLARATOR.test(child.name)) return child;
  return null;
}

/** The identifier a declarator declares: `x` in `x`, `*x`, `&x`, `x[3]`, `x = 1`, `x(…)`. */
function declaredName(
  node: SyntaxNode | null,
  source: (node: SyntaxNode | null) => string | null,
): string | null {
  if (!node) return null;
  if (node.name === "Identifier") return source(node);
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name === "Identifier") return source(child);
    if (DECLARATOR.test(child.name)) return declaredName(child, source);
  }
  return null;
}
