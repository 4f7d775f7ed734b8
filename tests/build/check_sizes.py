#!/usr/bin/env python3
"""Size limits of src/ (issue 16, docs/testing.md): no source file over 600 lines and no function
over 80 lines, so that a file holds one concept and a function reads as named steps.

A function's length is counted as clang-tidy's readability-function-size counts it: the line of
its closing brace minus the line of its opening brace. Lambdas and local classes count towards the
function around them. The scanner removes comments, string and character literals (raw strings
too) and preprocessor lines, then matches braces; a brace opens a function body when the text
before it (back to the previous ';', '{' or '}') ends in a parameter list, maybe followed by
qualifiers, a trailing return type or a constructor's initialiser list. Bodies of namespaces,
classes, structs and unions are searched for functions; other braces (initialisers, enums) are not.

Usage: check_sizes.py [SRC_DIR] [--list]   (--list prints every function's length, longest first)
Prints every file and function over its limit and exits 1 if there is one."""
import pathlib
import re
import sys

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80

CONTAINER = re.compile(r"^(?:template\s*<.*>\s*)?(?:(?:inline\s+)?namespace\b|extern\s*$|"
                       r"(?:class|struct|union)\b)", re.S)
ENUM = re.compile(r"^(?:template\s*<.*>\s*)?enum\b", re.S)
QUALIFIERS = re.compile(r"\)\s*(?:(?:const|volatile|noexcept|override|final|mutable|constexpr|&&|&)\s*|"
                        r"noexcept\s*\([^()]*\)\s*|requires\b[^{]*)*(?:->[^{;]*)?$", re.S)
CONTROL = re.compile(r"(?:^|[^\w])(?:if|for|while|switch|catch|do|else|try)\s*(?:\(|$)")
NAME_BEFORE_PARAMS = re.compile(r"([~\w:<>,\s*&]+?)\s*\($")


def strip_code(text):
    """The text with comments, literals and preprocessor lines blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c == "#":
            # A preprocessor line, with its continuations.
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append("\n")
                    i += 2
                    continue
                i += 1
            continue
        if c == "\n":
            out.append(c)
            at_line_start = True
            i += 1
            continue
        if c in " \t":
            out.append(c)
            i += 1
            continue
        at_line_start = False
        if text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end) or " ")
            i = end
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^()\\\s]{0,16})\(', text[i:i + 24])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            closing = ")" + raw.group(1) + '"'
            end = text.find(closing, i + raw.end())
            end = n if end < 0 else end + len(closing)
            out.append('""' + "\n" * text.count("\n", i, end))
            i = end
            continue
        if c == '"' or (c == "'" and not (i > 0 and text[i - 1].isalnum())):
            # A string or character literal (a digit separator such as 1'000 is not one).
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def function_name(header):
    """The name before a function's parameter list, for the report."""
    depth = 0
    for k in range(len(header) - 1, -1, -1):
        ch = header[k]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth -= 1
            if depth == 0:
                before = header[:k].rstrip()
                match = re.search(r"(operator\s*\S+|[~\w]+(?:::[~\w]+)*)$", before)
                if match and match.group(1) not in ("noexcept", "requires"):
                    name = match.group(1)
                    # A constructor's initialiser list: the name comes before the ':'.
                    init = re.search(r"\)\s*:\s*[^:]", header)
                    if init and init.start() < k:
                        return function_name(header[:init.start() + 1])
                    return name
    return "?"


def classify(header):
    """'container', 'function' or 'other' for the brace that follows header."""
    h = header.strip()
    h = re.sub(r"^(?:public|private|protected)\s*:\s*", "", h)
    if ENUM.match(h):
        return "other"
    if CONTAINER.match(h) and not h.rstrip().endswith(")"):
        return "container"
    if not h or "=" in re.sub(r"operator\s*[=!<>+\-*/%&|^]+|\([^()]*\)|<[^<>]*>", "", h):
        return "other"
    if CONTROL.search(h):
        return "other"
    if QUALIFIERS.search(h) or re.search(r"\)\s*:\s*[\w:]+\s*[({]", h) or re.search(r"\)\s*:\s*\w", h):
        return "function"
    return "other"


def functions(code):
    """(name, first line, body lines) of every function body outside other function bodies."""
    found = []
    stack = []  # (kind, offset of the brace, name, line where the function starts)
    header_start = 0
    for i, c in enumerate(code):
        if c == "{":
            if any(entry[0] in ("function", "other") for entry in stack):
                stack.append(("other", i, "", 0))
            else:
                header = code[header_start:i]
                kind = classify(header)
                start = header_start + len(header) - len(header.lstrip())
                name = function_name(header) if kind == "function" else ""
                stack.append((kind, i, name, line_of(code, start)))
            header_start = i + 1
        elif c == "}":
            if stack:
                kind, brace, name, line = stack.pop()
                if kind == "function":
                    found.append((name, line, line_of(code, i) - line_of(code, brace)))
            header_start = i + 1
        elif c == ";":
            header_start = i + 1
    return found


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    listing = "--list" in argv
    src = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parents[2] / "src"
    files = sorted(p for p in src.rglob("*") if p.suffix in (".hpp", ".cpp"))
    problems = []
    everything = []
    for path in files:
        relative = path.relative_to(src).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if lines > MAX_FILE_LINES:
            problems.append(f"{relative}: {lines} lines (at most {MAX_FILE_LINES}): split it by concern")
        for name, line, body in functions(strip_code(text)):
            everything.append((body, f"{relative}:{line}: {name}"))
            if body > MAX_FUNCTION_LINES:
                problems.append(f"{relative}:{line}: function '{name}' is {body} lines "
                                f"(at most {MAX_FUNCTION_LINES}): split it into named steps")
    if listing:
        for body, where in sorted(everything, reverse=True):
            print(f"{body:5} {where}")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(everything)} functions, {len(problems)} over the limits "
          f"({MAX_FILE_LINES} lines a file, {MAX_FUNCTION_LINES} a function)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
