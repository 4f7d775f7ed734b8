#!/usr/bin/env python3
"""Shell completion end to end: the scripts that `wtool completion bash|zsh|fish` prints really
complete, in the real shells.

- bash: the script is sourced in `bash -c`, COMP_WORDS/COMP_CWORD are set as readline would, and
  the completion function's COMPREPLY is compared with what it must offer: commands, options,
  choices, "--opt=value" forms, file and folder paths, time zones, and season numbers and episode
  codes from the catalogue named on the command line (or the default one);
- fish: `complete -C` asks fish itself for the completions of a command line;
- zsh: the script parses (`zsh -n`), registers itself with compinit as _wtool, and completes in
  an interactive zsh driven through zsh's own pseudo-terminal module (zpty): Tab is pressed after
  each command line and the matches are captured by wrapping compadd.
Every command that `wtool` lists appears in all three scripts, and `wtool __complete` never
prints an error, even for a broken catalogue.
"""
import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def clean_env(wtool_dir):
    env = {k: v for k, v in os.environ.items() if k not in ("WTOOL_CATALOGUE", "SOURCE_DATE_EPOCH", "NO_COLOR")}
    env["PATH"] = f"{wtool_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def commands(wtool):
    out = subprocess.run([wtool], capture_output=True, text=True, check=True).stdout
    listed = out.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in listed.splitlines() if line.strip()]


def bash_complete(script, words, cwd, env):
    """COMPREPLY for a command line given as words, the last one being completed."""
    quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
    program = f"""
source {script}
COMP_WORDS=({quoted})
COMP_CWORD={len(words) - 1}
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
_wtool
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=60)
    if result.stderr:
        failures.append(f"bash printed to stderr for {words}: {result.stderr}")
    return [line for line in result.stdout.splitlines() if line]


def test_bash(wtool, tmp, env):
    script = tmp / "wtool.bash"
    script.write_text(subprocess.run([wtool, "completion", "bash"], capture_output=True, text=True,
                                     check=True).stdout)
    minimal = str(ROOT / "tests" / "data" / "minimal.toml")
    broken = str(ROOT / "tests" / "data" / "validate" / "syntax-error.toml")
    work = tmp / "work"
    (work / "site-folder").mkdir(parents=True)
    (work / "talks.csv").write_text("")
    (work / "data").mkdir()
    shutil.copy(ROOT / "data" / "episodes.toml", work / "data" / "episodes.toml")

    cases = [
        (["wtool", ""], commands(wtool)),
        (["wtool", "ex"], ["export"]),
        (["wtool", "--catalogue", minimal, "st"], ["stats"]),
        (["wtool", "validate", "--st"], ["--strict"]),
        (["wtool", "export", "--format", ""], ["json", "csv"]),
        (["wtool", "export", "--format", "=", "c"], ["csv"]),
        (["wtool", "export", "--format", "="], ["json", "csv"]),
        (["wtool", "stats", "--format", "m"], ["markdown"]),
        (["wtool", "--color", "a"], ["auto", "always"]),
        (["wtool", "completion", ""], ["bash", "zsh", "fish"]),
        # season numbers: from the default catalogue (./data/episodes.toml), or the one named
        (["wtool", "export", "--season", ""], [str(n) for n in range(1, 11)]),
        (["wtool", "export", "--season", "1"], ["1", "10"]),
        (["wtool", "--catalogue", minimal, "export", "--season", ""], ["1"]),
        (["wtool", "export", "--catalogue=" + minimal, "--season", ""], ["1"]),
        # a broken catalogue: nothing offered, nothing printed
        (["wtool", "--catalogue", broken, "export", "--season", ""], []),
        # paths and zones
        (["wtool", "export", "-o", "ta"], ["talks.csv"]),
        (["wtool", "stats", "--svg", "si"], ["site-folder"]),
        (["wtool", "init", "s"], ["site-folder"]),
        (["wtool", "init", "--timezone", "Europe/Copenh"], ["Europe/Copenhagen"]),
        (["wtool", "init", "--audience", "Asia/Kolk"], ["Asia/Kolkata"]),
        (["wtool", "--catalogue", "da"], ["data"]),
    ]
    for words, expected in cases:
        got = bash_complete(script, words, work, env)
        check(sorted(got) == sorted(expected), f"bash {words[1:]}: got {got}, expected {expected}")
    options = bash_complete(script, ["wtool", "export", "--"], work, env)
    for option in ["--format", "--output", "--season", "--catalogue", "--now", "--quiet", "--color", "--help"]:
        check(option in options, f"bash: 'wtool export --' does not offer {option}: {options}")
    check("--version" not in options, "bash: --version offered after a command")
    # Episode codes: the helper the script uses for episode options.
    episodes = subprocess.run(["bash", "--norc", "-c", f"source {script}; COMP_WORDS=(wtool --catalogue {minimal}); "
                               "_wtool_ask episodes"], cwd=work, env=env, capture_output=True, text=True)
    check(episodes.stdout == "S01E01\n" and not episodes.stderr, f"bash episodes: {episodes.stdout!r} {episodes.stderr!r}")


def test_fish(wtool, tmp, env):
    if shutil.which("fish") is None:
        failures.append("fish is not installed (scripts/setup --test installs it)")
        return
    script = tmp / "wtool.fish"
    script.write_text(subprocess.run([wtool, "completion", "fish"], capture_output=True, text=True,
                                     check=True).stdout)
    check(subprocess.run(["fish", "--no-execute", str(script)]).returncode == 0, "fish: the script does not parse")
    minimal = str(ROOT / "tests" / "data" / "minimal.toml")
    cases = [
        ("wtool ", commands(wtool)),
        ("wtool ex", ["export"]),
        ("wtool export --format ", ["json", "csv"]),
        (f"wtool --catalogue {minimal} export --season ", ["1"]),
        ("wtool export --season ", [str(n) for n in range(1, 11)]),
        ("wtool init --timezone Europe/Copenh", ["Europe/Copenhagen"]),
        ("wtool completion ", ["bash", "zsh", "fish"]),
    ]
    for line, expected in cases:
        result = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C'{line}'"], cwd=ROOT,
                                env=env, capture_output=True, text=True, timeout=60)
        got = [entry.split("\t")[0] for entry in result.stdout.splitlines() if entry]
        check(sorted(got) == sorted(expected) and not result.stderr,
              f"fish {line!r}: got {got}, expected {expected} {result.stderr}")
    result = subprocess.run(["fish", "--no-config", "-c", f"source {script}; complete -C'wtool export --'"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=60)
    got = [entry.split("\t")[0] for entry in result.stdout.splitlines()]
    for option in ["--format", "--output", "--season", "--catalogue"]:
        check(option in got, f"fish: 'wtool export --' does not offer {option}: {got}")


# Drives an interactive zsh on a pseudo-terminal: for each command line, types it, presses Tab,
# and prints "LINE:<line>" followed by the matches (captured by wrapping compadd), one per line.
ZSH_DRIVER = r"""
zmodload zsh/zpty
local dir=$1 capture=$2 line out i
shift 2
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($dir \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' menu no; unsetopt beep; setopt nolistbeep"
zpty -w z 'compadd() { if [[ ${@[(I)-[OAD]]} -eq 0 ]]; then local -a __m; builtin compadd -O __m "$@"; print -rl -- $__m >> '$capture'; fi; builtin compadd "$@"; }'
# Tab completes, then leaves a mark: the matches are all captured once the mark is there.
zpty -w z '_test_tab() { zle complete-word; print done > '$capture'.done; }; zle -N _test_tab; bindkey "^I" _test_tab'
zpty -w z "print READY-FOR-TEST"
zpty -r z out '*READY-FOR-TEST*'
for line in "$@"; do
  rm -f $capture $capture.done
  zpty -w -n z "$line"$'\t'
  for (( i = 0; i < 300; i++ )); do
    [[ -f $capture.done ]] && break
    sleep 0.1
  done
  print -r -- "LINE:$line"
  [[ -f $capture ]] && sort -u $capture
  zpty -w -n z $'\C-u'
  sleep 0.2
done
zpty -d z
"""


def test_zsh(wtool, tmp, env):
    if shutil.which("zsh") is None:
        failures.append("zsh is not installed (scripts/setup --test installs it)")
        return
    script = tmp / "_wtool"
    script.write_text(subprocess.run([wtool, "completion", "zsh"], capture_output=True, text=True,
                                     check=True).stdout)
    check(subprocess.run(["zsh", "-n", str(script)]).returncode == 0, "zsh: the script does not parse")
    result = subprocess.run(["zsh", "-f", "-c", f"autoload -Uz compinit && compinit -u -D && source {script} && "
                             "print -r -- $_comps[wtool]"], env=env, capture_output=True, text=True, timeout=60)
    check(result.stdout.strip() == "_wtool" and not result.stderr,
          f"zsh: the script did not register _wtool: {result.stdout!r} {result.stderr!r}")

    minimal = str(ROOT / "tests" / "data" / "minimal.toml")
    cases = [
        ("wtool ex", ["export"]),
        ("wtool export --format ", ["csv", "json"]),
        ("wtool export --season ", [str(n) for n in range(1, 11)]),
        (f"wtool --catalogue {minimal} export --season ", ["1"]),
        ("wtool init --timezone Europe/Copenh", ["Europe/Copenhagen"]),
        ("wtool completion ", ["bash", "fish", "zsh"]),
        ("wtool stats --", ["--all", "--catalogue", "--color", "--format", "--help", "--now", "--quiet", "--svg"]),
    ]
    driver = tmp / "driver.zsh"
    driver.write_text(ZSH_DRIVER)
    completions = tmp / "zsh-completions"
    completions.mkdir()
    shutil.copy(script, completions / "_wtool")
    result = subprocess.run(["zsh", "-f", str(driver), str(completions), str(tmp / "zsh-capture"),
                             *[line for line, _ in cases]], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    got = {}
    current = None
    for entry in result.stdout.splitlines():
        if entry.startswith("LINE:"):
            current = entry[5:]
            got[current] = []
        elif current is not None and entry:
            got[current].append(entry)
    for line, expected in cases:
        check(sorted(got.get(line, [])) == sorted(expected),
              f"zsh {line!r}: got {got.get(line)}, expected {expected} {result.stderr}")


def test_complete_command(wtool, env):
    minimal = str(ROOT / "tests" / "data" / "minimal.toml")
    for args, stdout, code in [
        (["--catalogue", minimal, "__complete", "seasons"], "1\n", 0),
        (["--catalogue", minimal, "__complete", "episodes"], "S01E01\n", 0),
        (["--catalogue", str(ROOT / "tests/data/validate/syntax-error.toml"), "__complete", "seasons"], "", 1),
        (["--catalogue", "/nonexistent/episodes.toml", "__complete", "episodes"], "", 1),
    ]:
        result = subprocess.run([wtool, *args], capture_output=True, text=True, env=env)
        check(result.stdout == stdout and result.returncode == code and result.stderr == "",
              f"__complete {args}: exit {result.returncode}, stdout {result.stdout!r}, stderr {result.stderr!r}")
    zones = subprocess.run([wtool, "__complete", "zones"], capture_output=True, text=True, env=env).stdout.split()
    check("Europe/Copenhagen" in zones and "Asia/Kathmandu" in zones, "__complete zones lacks known zones")
    # Fast enough to run on every Tab press, even on the full catalogue (and in a sanitizer build).
    start = time.monotonic()
    result = subprocess.run([wtool, "--catalogue", str(ROOT / "data/episodes.toml"), "__complete", "episodes"],
                            capture_output=True, text=True, env=env)
    elapsed = time.monotonic() - start
    check(len(result.stdout.split()) == 30, f"__complete episodes on the shipped catalogue: {result.stdout!r}")
    check(elapsed < 2.0, f"__complete took {elapsed:.2f} s")
    listed = subprocess.run([wtool], capture_output=True, text=True, env=env).stdout
    check("__complete" not in listed, "the hidden command is listed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wtool", required=True)
    wtool = str(pathlib.Path(parser.parse_args().wtool).resolve())
    # The scripts call the program by the name typed (COMP_WORDS[0] = "wtool"): put it first on PATH.
    env = clean_env(os.path.dirname(wtool))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        for shell in ["bash", "zsh", "fish"]:
            script = subprocess.run([wtool, "completion", shell], capture_output=True, text=True, check=True).stdout
            for command in commands(wtool):
                check(command in script, f"{shell}: the script does not know the command {command!r}")
        test_bash(wtool, tmp, env)
        test_fish(wtool, tmp, env)
        test_zsh(wtool, tmp, env)
        test_complete_command(wtool, env)
    for f in failures:
        print("FAIL", f)
    print(f"{'FAILED' if failures else 'ok'}: completion ({len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
