"""Render time of the slowest Markdown inputs we know of, at the length cap.

    .venv/bin/python bench/markdown_render.py [--length 4000] [--rounds 5]

Markdown is rendered once, when it is saved (workshops/markup.py); the issue
asks that any accepted input renders in under 200 ms. These inputs are the
worst cases found by trying the parser's rules one by one (brackets, emphasis
runs, link references, nesting, entities). Prints the best and the worst of a
few rounds in milliseconds, and the input that was slowest. It only prints
figures; nothing fails on a time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workshops.markup import MARKDOWN_MAX_LENGTH, render_markdown  # noqa: E402


def worst_inputs(n: int) -> dict[str, str]:
    refs = "".join(f"[l{i}]: http://example.com/{i}\n" for i in range(n // 60))
    cases = {
        "[ repeated (the issue's case)": "[" * n,
        "[a repeated": "[a " * (n // 3),
        "]( after [": "[" * (n // 2) + "](" * (n // 4),
        "[]( repeated": "[](" * (n // 3),
        "[a]( unclosed": "[a](" * (n // 4),
        '[a](b " unclosed': '[a](b "' * (n // 7),
        "![ repeated": "![" * (n // 2),
        "* run": "*" * n,
        "*a_ mixed emphasis": "*a_" * (n // 3),
        "_* alternating": "_*" * (n // 2),
        "*a ** nested emphasis": "*a **" * (n // 5),
        "[a] undefined references": "[a]" * (n // 3),
        "many link definitions": refs + "[l1]" * ((n - len(refs)) // 4),
        "long link definition": "[x]: http://" + "a" * (n - 20) + "\n[x]",
        "< repeated": "<" * n,
        "<a repeated (raw HTML)": "<a " * (n // 3),
        "<!-- unclosed comments": "<!--" * (n // 4),
        "` repeated": "`" * n,
        "&# entities": "&#" * (n // 2),
        "> nested quotes": ">" * n,
        "nested lists": "".join("  " * (i % 40) + "- a\n" for i in range(n // 60)),
        "short lines": "a\n" * (n // 2),
    }
    return {name: text[:n] for name, text in cases.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=MARKDOWN_MAX_LENGTH)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    render_markdown("warm *up*")
    print(f"Markdown render times at {args.length} characters, {args.rounds} rounds (ms)")
    print(f"{'input':32} {'best':>8} {'median':>8} {'worst':>8}")
    slowest = ("", 0.0)
    for name, text in worst_inputs(args.length).items():
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            render_markdown(text)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{name:32} {min(times):8.1f} {statistics.median(times):8.1f} {max(times):8.1f}")
        if statistics.median(times) > slowest[1]:
            slowest = (name, statistics.median(times))
    print(f"slowest: {slowest[0]} ({slowest[1]:.1f} ms median)")


if __name__ == "__main__":
    main()
