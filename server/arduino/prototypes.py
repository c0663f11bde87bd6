"""Where the Arduino IDE's generated function prototypes go in a sketch's concatenated .ino code, and what they say.

The IDE (arduino-builder / arduino-cli) runs ctags over the .ino tabs and declares every function defined at
global scope that is not declared already, all at once just before the first function definition, each preceded
by `#line` naming the definition's line. This module does the same from its own reading of the code
(cpp_lexer.py), with three refinements where the IDE's output does not compile:

- A prototype never comes before a type it names: one whose signature uses a struct, enum, typedef or namespace
  declared after the first function goes right after that declaration instead (the IDE places it first and
  fails with "'Point' was not declared").
- A function used before the first function definition (a global initialiser taking `&onTick`, a class body
  calling it) is declared before that use.
- Default arguments: g++ refuses a default given in both a prototype and the definition. A prototype leaves the
  defaults out (a later declaration may add them), unless the function is called before its definition: then
  the defaults move into the prototype and are blanked out of the definition (spaces, so every line and column
  stays where it was).

Functions defined inside namespaces, classes and structs, qualified definitions (`void Motor::run()`) and
operators get no prototype, as in the IDE; functions inside `extern "C" { }` get an `extern "C"` one. A function
defined under `#if`/`#ifdef` gets its prototype under the same directives: the IDE reads the code after the
preprocessor, so a function in a disabled block is never declared with types that do not exist.

The reading is heuristic where C++ needs a compiler (a macro may hide a brace), but it never fails: the worst
outcome is a missing prototype, which the compiler reports as an undeclared name on the user's line. Everything
is linear in the length of the code.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from .cpp_lexer import Kind, Token, directive_parts, tokenize

# Words that are never a function's name; also not names a signature depends on.
KEYWORDS = frozenset((
    "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char", "char16_t", "char32_t", "class",
    "const", "constexpr", "const_cast", "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int",
    "long", "mutable", "namespace", "new", "noexcept", "nullptr", "operator", "private", "protected", "public",
    "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static", "static_assert", "static_cast",
    "struct", "switch", "template", "this", "thread_local", "throw", "true", "try", "typedef", "typeid", "typename",
    "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "__attribute__", "__asm__",
    "__extension__", "__typeof__", "typeof", "__volatile__", "__inline__", "__restrict__", "_Alignas",
    "_Static_assert",
))  # fmt: skip
# Keywords followed by a parenthesised group that is part of a declaration, not its parameter list.
_GROUP_KEYWORDS = frozenset(
    ("__attribute__", "__declspec", "alignas", "_Alignas", "decltype", "typeof", "__typeof__", "sizeof",
     "noexcept", "throw", "asm", "__asm__")
)  # fmt: skip
# What may follow a function's parameter list in a definition at global scope.
_TRAILING_WORDS = frozenset(
    ("const", "volatile", "noexcept", "throw", "override", "final", "__attribute__", "asm", "__asm__")
)
_CONDITIONAL_OPEN = frozenset(("if", "ifdef", "ifndef"))
_CONDITIONAL_NEXT = frozenset(("elif", "else"))
# A prototype under more nested #if levels (or #elif branches) than this is not written: deeper nesting is not
# what sketches do, and copying every level for every function would make the output quadratic.
MAX_CONDITION_LEVELS = 8
MAX_CONDITION_DIRECTIVES = 32


@dataclass(frozen=True)
class Prototype:
    name: str
    text: str  # e.g. "void blink(int times);"; newlines where the definition's signature has them
    definition: int  # offset of the definition's first token: its `#line` names that line
    conditions: tuple[tuple[str, ...], ...] = ()  # enclosing #if groups, outermost first: the directives to repeat


@dataclass(frozen=True)
class Insertion:
    offset: int  # where the prototypes go: the start of a global declaration (or of its enclosing #if)
    prototypes: tuple[Prototype, ...]


@dataclass(frozen=True)
class PrototypePlan:
    insertions: tuple[Insertion, ...] = ()  # in offset order
    blanked: tuple[tuple[int, int], ...] = ()  # [start, end) of default arguments moved into a prototype


def plan_prototypes(text: str, tokens: Sequence[Token] | None = None) -> PrototypePlan:
    """The prototypes the IDE would generate for the concatenated .ino `text` (whose `tokens` the caller may
    have already), and where they go."""
    tokens = tokenize(text) if tokens is None else tokens
    reading = _GlobalScopeReader(tokens)
    reading.read()
    return _plan(text, tokens, reading)


# --- Reading the global scope ------------------------------------------------------------------------------------


@dataclass
class _Function:
    """A function definition at global scope (or in `extern "C" { }`)."""

    head: list[Token]  # from the first token of the declaration to just before `{`
    anchor: int | None  # insertion offset of the declaration that holds it
    extern_c: bool
    conditions: object  # persistent #if context (see _Conditional)
    directive_inside: bool  # a preprocessor line splits its signature: no prototype


@dataclass
class _Conditional:
    """One open #if group: the reading state to restore at each #elif/#else, and the state at the end of the
    first branch, which is what the reading continues with after #endif (braces opened in one branch and closed
    in another, as in `#ifdef X` `void f(int a) {` `#else` `void f() {` `#endif`, stay balanced)."""

    saved: tuple
    after_first: tuple | None
    context: object  # (directives of this group so far, as a cons list, parent context)
    start: int  # offset of the #if
    anchor_ok: bool  # opened between global declarations: an insertion may go just before it


@dataclass
class _Declaration:
    tokens: list[Token]


class _GlobalScopeReader:
    """One pass over the tokens: global declarations, function definitions, insertion points.

    Braces are tracked as a persistent stack of scope kinds so that #if/#else can save and restore the state
    in constant time."""

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = tokens
        self.functions: list[_Function] = []
        self.declarations: list[_Declaration] = []
        self.anchors: set[int] = set()  # offsets where an insertion may go
        self.type_names: dict[str, int] = {}  # name -> end of its first declaration
        self.variable_names: dict[str, int] = {}
        self.conditionals: list[_Conditional] = []
        self.context: object = None
        # The state, saved and restored whole at #if/#else/#endif:
        self.scopes: tuple | None = None  # (kind, parent); kinds: extern_c, namespace, function, inner, block
        self.nested = 0  # scopes that are not extern_c: >0 means not at global scope
        self.parens = 0  # ( and [ open in the current declaration
        self.statement: tuple | None = None  # token indices of the current declaration, last first (cons list)
        self.statement_start: int | None = None  # its first token index
        self.statement_anchor: int | None = None
        self.braced = False  # the current declaration has a { } already (a class body, an initialiser)
        self.directive_inside = False
        self.extern_c: int | None = None  # anchor of the outermost `extern "C" {` we are in, else None

    def _state(self) -> tuple:
        return (self.scopes, self.nested, self.parens, self.statement, self.statement_start,
                self.statement_anchor, self.braced, self.directive_inside, self.extern_c)  # fmt: skip

    def _restore(self, state: tuple) -> None:
        (self.scopes, self.nested, self.parens, self.statement, self.statement_start,
         self.statement_anchor, self.braced, self.directive_inside, self.extern_c) = state  # fmt: skip

    def read(self) -> None:
        tokens = self.tokens
        directive, punct = Kind.DIRECTIVE, Kind.PUNCT
        for index, (kind, text, _, _) in enumerate(tokens):
            if kind is directive:
                self._directive(tokens[index])
            elif self.nested:
                if text == "{" and kind is punct:
                    self.scopes = ("block", self.scopes)
                    self.nested += 1
                elif text == "}" and kind is punct:
                    self._close(index)
            elif kind is punct and text in "{};()[]":
                self._global_punctuation(index, text)
            else:
                self._add(index)
        if self.statement_start is not None:
            self._finish(len(tokens) - 1)

    # Declarations and braces at global scope.

    def _add(self, index: int) -> None:
        if self.statement_start is None:
            self.statement_start, self.statement_anchor = index, self._anchor_for(index)
            self.statement, self.parens, self.braced, self.directive_inside = None, 0, False, False
        self.statement = (index, self.statement)

    def _global_punctuation(self, index: int, text: str) -> None:
        if text in "([":
            self._add(index)
            self.parens += 1
        elif text in ")]":
            self._add(index)
            self.parens = max(0, self.parens - 1)
        elif text == ";":
            if self.statement_start is None:
                return
            if self.parens:
                self._add(index)
                return
            self._finish(index)
        elif text == "}":  # the end of an extern "C" block, or a stray brace
            if self.statement_start is not None:
                self._finish(index - 1)
            if self.scopes is not None:
                self.scopes = self.scopes[1]
                if not self._in_extern_c():
                    self.extern_c = None
        else:  # "{"
            self._open_brace(index)

    def _open_brace(self, index: int) -> None:
        if self.statement_start is None:  # a block with no head at all: treat it like a body
            self._add(index)
            self._push("function")
            return
        if self.parens or self.braced:
            self._add(index)
            self._push("inner")
            return
        head = self._statement_tokens()
        shape = _head_shape(head)
        if shape == "extern_c":
            anchor = self.statement_anchor
            self._record_statement()
            self.statement_start = None
            if self.extern_c is None:
                self.extern_c = anchor
            self.scopes = ("extern_c", self.scopes)
        elif shape == "namespace":
            self._declare(head, self.tokens[index].end)
            self._record_statement()
            self.statement_start = None
            self._push("namespace")
        elif shape == "function":
            self.functions.append(
                _Function(head, self.statement_anchor, self.extern_c is not None, self.context, self.directive_inside)
            )
            self._push("function")
        else:
            self._add(index)
            self.braced = True
            self._push("inner")

    def _push(self, kind: str) -> None:
        self.scopes = (kind, self.scopes)
        self.nested += 1

    def _close(self, index: int) -> None:
        kind, self.scopes = self.scopes
        self.nested -= 1
        if not self.nested and kind == "function":
            self._finish(None)
        elif not self.nested and kind == "inner":
            self._add(index)  # the declaration goes on: `struct P { ... } p;`, `int a[] = { ... };`

    def _in_extern_c(self) -> bool:
        return self.scopes is not None and self.scopes[0] == "extern_c"

    def _finish(self, last: int | None) -> None:
        """The current declaration ends (at `;`, or at a function body's `}` when `last` is None)."""
        if last is not None:
            head = self._statement_tokens()
            if head:
                self._declare(head, self.tokens[last].end)
        self._record_statement()
        self.statement_start = None

    def _record_statement(self) -> None:
        if self.statement_anchor is not None and self.extern_c is None:
            self.anchors.add(self.statement_anchor)

    def _declare(self, head: list[Token], end: int) -> None:
        self.declarations.append(_Declaration(head))
        types, variables = _declared_names(head)
        for name in types:
            self.type_names.setdefault(name, end)
        for name in variables:
            self.variable_names.setdefault(name, end)

    def _statement_tokens(self) -> list[Token]:
        tokens = self.tokens
        head = []
        node = self.statement
        while node is not None:
            head.append(tokens[node[0]])
            node = node[1]
        head.reverse()
        return head

    def _anchor_for(self, index: int) -> int | None:
        """Where prototypes may go so that they precede the declaration starting at token `index`."""
        if self.extern_c is not None:
            return self.extern_c
        if not self.conditionals:
            return self.tokens[index].start
        outermost = self.conditionals[0]
        return outermost.start if outermost.anchor_ok else None

    # Conditional compilation.

    def _directive(self, token: Token) -> None:
        if self.statement_start is not None and not self.nested:
            self.directive_inside = True
        name, _ = directive_parts(token.text)
        if name in _CONDITIONAL_OPEN:
            anchor_ok = not self.nested and self.statement_start is None and self.extern_c is None
            group = _Conditional(self._state(), None, ((token.text, None), self.context), token.start, anchor_ok)
            self.conditionals.append(group)
            self.context = group.context
        elif name in _CONDITIONAL_NEXT and self.conditionals:
            group = self.conditionals[-1]
            if group.after_first is None:
                group.after_first = self._state()
            self._restore(group.saved)
            directives, parent = group.context
            group.context = ((token.text, directives), parent)
            self.context = group.context
        elif name == "endif" and self.conditionals:
            group = self.conditionals.pop()
            if group.after_first is not None:
                self._restore(group.after_first)
            self.context = group.context[1]


def _conditions(context: object) -> tuple[tuple[str, ...], ...] | None:
    """The #if groups of a persistent context, outermost first; None when too deep to repeat."""
    groups = []
    count = 0
    while context is not None:
        directives, context = context
        group = []
        while directives is not None:
            text, directives = directives
            group.append(text)
            count += 1
            if count > MAX_CONDITION_DIRECTIVES:
                return None
        groups.append(tuple(reversed(group)))
        if len(groups) > MAX_CONDITION_LEVELS:
            return None
    return tuple(reversed(groups))


# --- Reading one declaration -------------------------------------------------------------------------------------


def _skip_group(head: Sequence[Token], at: int) -> int:
    """Position in `head` just after the bracketed group opening at `head[at]` (( [ or template <)."""
    opener = head[at].text
    depth, angle = 0, 0
    for position in range(at, len(head)):
        text = head[position].text
        if opener == "<":
            if text == "<" and not depth:
                angle += 1
            elif text == ">" and not depth:
                angle -= 1
                if not angle:
                    return position + 1
            elif text in "([":
                depth += 1
            elif text in ")]":
                depth -= 1
        elif text in "([":
            depth += 1
        elif text in ")]":
            depth -= 1
            if not depth:
                return position + 1
    return len(head)


def _after_templates(head: Sequence[Token]) -> int:
    """Position in `head` after any `template <...>` prefixes."""
    position = 0
    while position + 1 < len(head) and head[position].text == "template" and head[position + 1].text == "<":
        position = _skip_group(head, position + 1)
    return position


@dataclass
class _Declarator:
    name: int  # position in the head of the function's name
    open: int  # of its `(`
    close: int  # of its `)`


def _template_defaults(head: Sequence[Token]) -> list[tuple[int, int]]:
    """[start, end) of each default of a `template <...>` parameter (`= int` in `template <typename T = int>`)."""
    spans = []
    position = 0
    while position + 1 < len(head) and head[position].text == "template" and head[position + 1].text == "<":
        end = _skip_group(head, position + 1)
        depth, default_start = 0, None
        for inner in range(position + 2, end):
            text = head[inner].text
            closing = inner == end - 1
            if text in "([<{" and not closing:
                depth += 1
            elif text in ")]>}" and not closing:
                depth -= 1
            elif text == "=" and not depth and default_start is None:
                default_start = inner
            if default_start is not None and ((text == "," and not depth) or closing):
                spans.append((default_start, inner))
                default_start = None
        position = end
    return spans


def _find_declarator(head: Sequence[Token], start: int) -> _Declarator | None:
    """The first `name(` of the declaration (outside template arguments), or None (also for operators)."""
    angle = 0
    position = start
    while position < len(head):
        token = head[position]
        text = token.text
        if text in _GROUP_KEYWORDS and position + 1 < len(head) and head[position + 1].text == "(":
            position = _skip_group(head, position + 1)
            continue
        if text == "operator" or (token.kind is Kind.PUNCT and text in "={"):
            return None
        if text == "<":
            angle += 1
        elif text == ">" and angle:
            angle -= 1
        elif text in "([":
            previous = head[position - 1] if position > start else None
            if (
                text == "("
                and not angle
                and previous is not None
                and previous.kind is Kind.IDENT
                and previous.text not in KEYWORDS
            ):
                after = _skip_group(head, position)
                return _Declarator(position - 1, position, after - 1)
            position = _skip_group(head, position)
            continue
        position += 1
    return None


def _has_assignment(head: Sequence[Token]) -> bool:
    """Whether the declaration has an initialiser (`= ...` outside brackets, after any template head)."""
    depth = 0
    start = _after_templates(head)
    for position in range(start, len(head)):
        text = head[position].text
        if text in "([{":
            depth += 1
        elif text in ")]":
            depth -= 1
        elif text == "=" and not depth and not (position and head[position - 1].text == "operator"):
            return True
    return False


def _trailer_is_qualifiers(head: Sequence[Token], start: int) -> bool:
    """Whether what follows a parameter list (`const`, `noexcept(...)`, `-> T` ...) can end a function's head."""
    position = start
    while position < len(head):
        text = head[position].text
        if text == "->":
            return True
        if text in ("&", "&&"):
            position += 1
        elif text in _TRAILING_WORDS:
            position += 1
            if position < len(head) and head[position].text == "(":
                position = _skip_group(head, position)
        else:
            return False
    return True


def _head_shape(head: Sequence[Token]) -> str:
    """What a `{` at global scope opens, from the tokens before it: "function" (a body), "namespace",
    "extern_c" (a linkage block, read as global scope) or "inner" (a class body or initialiser, which the
    declaration continues after)."""
    texts = [token.text for token in head]
    if len(texts) == 2 and texts[0] == "extern" and head[1].kind is Kind.STRING:
        return "extern_c"
    start = _after_templates(head)
    if start >= len(head):
        return "inner"
    if texts[start] == "namespace" or texts[start : start + 2] == ["inline", "namespace"]:
        return "namespace"
    if texts[start] in ("typedef", "using") or _has_assignment(head):
        return "inner"
    declarator = _find_declarator(head, start)
    if declarator is None:
        # `ISR(TIMER1_COMPA_vect) {`: a macro that expands to a function head; `struct P {`: a class body.
        return "function" if texts[-1] == ")" and texts[start] not in ("class", "struct", "union", "enum") else "inner"
    trailer = declarator.close + 1
    if _trailer_is_qualifiers(head, trailer) or ":" in texts[trailer:] or texts[-1] == ")":
        return "function"
    return "inner"


def _split_top_level(head: Sequence[Token], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) of `head` split at commas outside brackets (and outside template arguments of a type)."""
    parts = []
    depth, angle, part_start, initialiser = 0, 0, start, False
    for position in range(start, end):
        text = head[position].text
        if text in "([{":
            depth += 1
        elif text in ")]}":
            depth -= 1
        elif not depth and text == "=":
            initialiser = True
        elif not depth and not initialiser and text == "<":
            angle += 1
        elif not depth and not initialiser and text == ">" and angle:
            angle -= 1
        elif text == "," and not depth and not angle:
            parts.append((part_start, position))
            part_start, initialiser = position + 1, False
    if part_start < end:
        parts.append((part_start, end))
    return parts


@dataclass
class _Parameter:
    start: int  # positions in the head
    end: int  # exclusive, default argument excluded
    default_end: int  # exclusive, default argument included
    name: int | None  # position of the parameter's name


def _parameters(head: Sequence[Token], declarator: _Declarator) -> list[_Parameter]:
    parameters = []
    for start, end in _split_top_level(head, declarator.open + 1, declarator.close):
        depth, stop = 0, end
        for position in range(start, end):
            text = head[position].text
            if text in "([{<":
                depth += 1
            elif text in ")]}>":
                depth -= 1
            elif text == "=" and not depth:
                stop = position
                break
        parameters.append(_Parameter(start, stop, end, _parameter_name(head, start, stop)))
    return parameters


def _parameter_name(head: Sequence[Token], start: int, end: int) -> int | None:
    """Position of a parameter's (or a variable's) name: the last identifier of its declarator, before any
    array bounds; inside `(*name)` for pointers to functions."""
    texts = [head[position].text for position in range(start, end)]
    for offset, text in enumerate(texts[:-1]):
        if text == "(" and texts[offset + 1] in ("*", "&", "&&"):
            for inner in range(offset + 2, len(texts)):
                if head[start + inner].kind is Kind.IDENT and texts[inner] not in KEYWORDS:
                    return start + inner
                if texts[inner] == ")":
                    break
    stop = len(texts)
    for offset, text in enumerate(texts):
        if text in ("[", "("):
            stop = offset
            break
    if stop < 2:
        return None  # a lone type: `int`, `Point`
    last = head[start + stop - 1]
    if last.kind is Kind.IDENT and last.text not in KEYWORDS and texts[stop - 2] != "::":
        return start + stop - 1
    return None


def _declared_names(head: Sequence[Token]) -> tuple[list[str], list[str]]:
    """(type names, other names) a global declaration introduces: a class, struct, union or enum tag, a typedef
    or `using` alias, a namespace; and variables and functions."""
    texts = [token.text for token in head]
    start = _after_templates(head)
    if start >= len(head):
        return [], []
    first = texts[start]
    if first in ("namespace", "inline"):
        names = [t for t in texts[start:] if t not in KEYWORDS and t.isidentifier()]
        return names[:1], []
    if first == "using":
        if start + 1 < len(texts) and texts[start + 1] == "namespace":
            return [], []
        names = [texts[position] for position in range(start + 1, len(texts)) if _is_name(head[position])]
        return names[:1] if "=" in texts else names[-1:], []
    if first in ("class", "struct", "union", "enum"):
        position = start + 1
        while position < len(head) and (texts[position] in ("class", "struct") or texts[position] in _GROUP_KEYWORDS):
            position = _skip_group(head, position + 1) if texts[position] in _GROUP_KEYWORDS else position + 1
        tag = [texts[position]] if position < len(head) and _is_name(head[position]) else []
        return tag, []
    names = []
    for part_start, part_end in _split_top_level(head, start, len(head)):
        declarator_start, declarator_end = part_start, part_end
        depth, first_open, last_close = 0, None, None
        for position in range(part_start, part_end):
            text = texts[position]
            if text in "([":
                depth += 1
            elif text in ")]":
                depth -= 1
            elif text == "{" and first_open is None:
                first_open = position
            elif text == "}":
                last_close = position
            elif text == "=" and not depth:
                declarator_end = position
                break
        if last_close is not None and last_close + 1 < declarator_end:
            declarator_start = last_close  # `typedef struct { ... } Point`: the name follows the body
        elif first_open is not None:
            declarator_end = first_open  # `Servo arm{}`: it precedes the initialiser
        name = _parameter_name(head, declarator_start, declarator_end)
        if name is None:
            declarator = _find_declarator(head, declarator_start)
            name = declarator.name if declarator is not None and declarator.name < declarator_end else None
        if name is not None:
            names.append(texts[name])
    if first == "typedef":
        return names, []
    return [], names


def _is_name(token: Token) -> bool:
    return token.kind is Kind.IDENT and token.text not in KEYWORDS


# --- From definitions to prototypes ------------------------------------------------------------------------------


@dataclass
class _Signature:
    name: str
    key: tuple  # what makes two declarations the same function: name, template head, parameter types
    text_positions: list[int]  # head positions that make up the prototype, defaults left out
    default_spans: list[tuple[int, int]]  # head positions [start, end) of each default argument, `=` included
    depends_on: set[str]  # names of types the signature uses
    defaults_depend_on: set[str]


def _signature(head: Sequence[Token]) -> _Signature | None:
    """The prototype-relevant parts of a function head, or None when the IDE would not declare it."""
    start = _after_templates(head)
    declarator = _find_declarator(head, start)
    if declarator is None or declarator.name == start:  # no return type: a macro like ISR(vector)
        return None
    if head[declarator.name - 1].text in ("::", "~"):  # Motor::run(), a member defined outside its class
        return None
    if not _trailer_is_qualifiers(head, declarator.close + 1):
        return None
    parameters = _parameters(head, declarator)
    template_names = {head[p].text for p in range(start) if head[p].kind is Kind.IDENT}
    excluded = {head[declarator.name].text} | template_names
    excluded |= {head[p.name].text for p in parameters if p.name is not None}
    default_positions: set[int] = set()
    default_spans, defaults_depend_on = [], set()
    key_parameters = []
    for parameter in parameters:
        key_parameters.append(
            " ".join(head[p].text for p in range(parameter.start, parameter.end) if p != parameter.name)
        )
        if parameter.default_end > parameter.end:
            default_spans.append((parameter.end, parameter.default_end))
            default_positions.update(range(parameter.end, parameter.default_end))
            for position in range(parameter.end, parameter.default_end):
                token = head[position]
                if _is_name(token) and token.text not in excluded:
                    defaults_depend_on.add(token.text)
    for span_start, span_end in _template_defaults(head):
        default_spans.append((span_start, span_end))
        default_positions.update(range(span_start, span_end))
    if key_parameters == ["void"]:
        key_parameters = []
    template = " ".join(head[p].text for p in range(start) if p not in default_positions)
    name = head[declarator.name].text
    depends_on = set()
    for position in range(len(head)):
        token = head[position]
        if position not in default_positions and _is_name(token) and token.text not in excluded:
            depends_on.add(token.text)
    return _Signature(
        name=name,
        key=(name, template, tuple(key_parameters)),
        text_positions=[p for p in range(len(head)) if p not in default_positions],
        default_spans=sorted(default_spans),
        depends_on=depends_on,
        defaults_depend_on=defaults_depend_on,
    )


def _render(text: str, head: Sequence[Token], positions: list[int]) -> str:
    """Tokens of `head` at `positions`, separated as in the source: the same number of line breaks (so each
    token keeps its line under the prototype's `#line`), else one space where there was any gap."""
    parts = []
    previous: Token | None = None
    for position in positions:
        token = head[position]
        if previous is not None:
            newlines = text.count("\n", previous.end, token.start)  # left-out tokens between count too
            adjacent = head[position - 1]
            parts.append("\n" * newlines if newlines else (" " if adjacent.end < token.start else ""))
        parts.append(token.text)
        previous = token
    return "".join(parts)


@dataclass
class _Candidates:
    """Offsets where prototypes may be inserted, in order."""

    offsets: list[int] = field(default_factory=list)

    def at_or_before(self, offset: int) -> int:
        position = bisect_right(self.offsets, offset)
        return self.offsets[max(0, position - 1)]

    def at_or_after(self, offset: int) -> int:
        position = bisect_left(self.offsets, offset)
        return self.offsets[min(position, len(self.offsets) - 1)]


def _user_declarations(declarations: list[_Declaration]) -> dict[tuple, int]:
    """Functions the user declared: signature key -> offset of the first declaration."""
    declared: dict[tuple, int] = {}
    for declaration in declarations:
        signature = _signature(declaration.tokens) if declaration.tokens else None
        if signature is not None and not _has_assignment(declaration.tokens):
            declared.setdefault(signature.key, declaration.tokens[0].start)
    return declared


def _first_uses(tokens: Sequence[Token]) -> dict[str, int]:
    """Each identifier's first offset: where a function is first called, taken or declared."""
    first_use: dict[str, int] = {}
    for token in tokens:
        if token.kind is Kind.IDENT and token.text not in first_use:
            first_use[token.text] = token.start
    return first_use


def _plan(text: str, tokens: Sequence[Token], reading: _GlobalScopeReader) -> PrototypePlan:
    definitions = []
    for function in reading.functions:
        if function.directive_inside:
            continue
        signature = _signature(function.head)
        if signature is not None:
            definitions.append((function, signature))
    if not definitions:
        return PrototypePlan()
    candidates = _Candidates(sorted({*reading.anchors, len(text)}))
    first_function = definitions[0][0]
    first_definition = first_function.head[0].start
    ide_place = first_function.anchor if first_function.anchor is not None else first_definition
    ide_place = candidates.at_or_before(ide_place)

    declared = _user_declarations(reading.declarations)
    first_use = _first_uses(tokens)
    by_offset: dict[int, list[Prototype]] = {}
    blanked: list[tuple[int, int]] = []
    seen: set[tuple] = set()
    for function, signature in definitions:
        start = function.head[0].start
        conditions = _conditions(function.conditions)
        if conditions is None:
            continue
        # A declaration of the user's is enough if nothing uses the function before it (its own name comes first).
        declared_at = declared.get(signature.key)
        if declared_at is not None and declared_at <= first_use.get(signature.name, start):
            continue
        if (signature.key, conditions) in seen:
            continue
        seen.add((signature.key, conditions))
        used_before = first_use.get(signature.name, start) < start
        move_defaults = used_before and bool(signature.default_spans)
        positions = list(range(len(function.head))) if move_defaults else signature.text_positions
        depends = set(signature.depends_on)
        if move_defaults:
            depends |= signature.defaults_depend_on
            for span_start, span_end in signature.default_spans:
                blanked.append((function.head[span_start].start, function.head[span_end - 1].end))
        ready = max(
            [reading.type_names.get(name, 0) for name in depends]
            + [reading.variable_names.get(name, 0) for name in (signature.defaults_depend_on if move_defaults else ())]
            + [0]
        )
        place = candidates.at_or_before(min(ide_place, first_use.get(signature.name, start)))
        if place < ready:
            place = candidates.at_or_after(ready)
        prototype_text = _render(text, function.head, positions) + ";"
        if function.extern_c:
            prototype_text = 'extern "C" ' + prototype_text
        by_offset.setdefault(place, []).append(Prototype(signature.name, prototype_text, start, conditions))
    return PrototypePlan(
        insertions=tuple(Insertion(offset, tuple(by_offset[offset])) for offset in sorted(by_offset)),
        blanked=tuple(sorted(blanked)),
    )
