#!/usr/bin/env python3
"""The module layers of src/ (docs/ARCHITECTURE.md): a file may include headers of its own folder
and of folders in lower layers only, so includes go down and no two folders depend on each other.
Prints every include that breaks the rule and exits 1 if there is one."""
import pathlib
import re
import sys

LAYERS = [
    ["support"],
    ["toml", "time", "net"],
    ["catalogue"],
    ["render", "ics", "links", "recordings"],
    ["report"],  # statistics and exports, which write Markdown as the pages do (render)
    ["cli"],
    ["commands"],
    [""],  # src/ itself: main.cpp and app, which wires the commands together
]
LAYER_OF = {folder: i for i, folders in enumerate(LAYERS) for folder in folders}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def folder_of(relative):
    parts = pathlib.PurePosixPath(relative).parts
    return parts[0] if len(parts) > 1 else ""


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2] / "src")
    problems = []
    files = sorted(p for p in src.rglob("*") if p.suffix in (".hpp", ".cpp"))
    for path in files:
        relative = path.relative_to(src).as_posix()
        folder = folder_of(relative)
        if folder not in LAYER_OF:
            problems.append(f"{relative}: folder '{folder}' has no layer (tests/build/check_layers.py)")
            continue
        for included in INCLUDE.findall(path.read_text(encoding="utf-8")):
            if not (src / included).exists():
                problems.append(f"{relative}: includes '{included}', which is not a path under src/")
                continue
            target = folder_of(included)
            if target == folder:
                continue
            if target not in LAYER_OF or LAYER_OF[target] >= LAYER_OF[folder]:
                problems.append(f"{relative}: includes '{included}' ({target or 'src'}, layer "
                                f"{LAYER_OF.get(target)}) from {folder or 'src'} (layer {LAYER_OF[folder]})")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} includes break the layers")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
