"""Timing a build, step by step, and timing any command with its peak memory.

One job: measure. `split` repeats what `python -m walkthrough build` does (see cli.py and
sitebuild.py), one step at a time, into a temporary folder: validation, page rendering, MkDocs,
each post-build step in `postbuild.STEPS` (security headers, the PDF leaflet…) and the link check.
`timed` runs a command in a child process and reports its wall time and the peak memory of the
largest process it started.
"""
from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Runs the command, then reports the children's peak resident memory (ru_maxrss, in KiB on
# Linux: the largest single process, including grandchildren such as MkDocs) on stderr's last line.
_RUSAGE = ("import json,resource,subprocess,sys\n"
           "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.PIPE,text=True)\n"
           "sys.stderr.write(r.stderr[-4000:])\n"
           "sys.stderr.write('\\n'+json.dumps({'rc':r.returncode,"
           "'maxrss_kb':resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss})+'\\n')\n")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    ok: bool
    tail: str  # the end of the command's error output, to show when it failed


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> Run:
    env = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUSAGE, *cmd], cwd=cwd, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    try:
        usage = json.loads(lines[-1])
    except (IndexError, ValueError):
        return Run(seconds, 0.0, False, done.stderr[-2000:])
    return Run(seconds, usage["maxrss_kb"] / 1024, usage["rc"] == 0, "\n".join(lines[-15:-1]))


def split(root: Path) -> dict[str, float]:
    """Seconds per step of a full build of the content under `root` (site/ is not touched)."""
    from walkthrough import builders, postbuild, render
    from walkthrough.compile import GENERATED_DIRS, Compiled, mark_compiled
    from walkthrough.content import check_content
    from walkthrough.output import write_pages
    from walkthrough.sitecheck import broken_links

    times: dict[str, float] = {}
    start = time.perf_counter()
    checked = check_content(root)
    times["validation"] = time.perf_counter() - start
    start = time.perf_counter()
    written, removed = write_pages(root / "docs", render.render_pages(checked.content), GENERATED_DIRS)
    times["page rendering"] = time.perf_counter() - start
    compiled = Compiled(checked, render.nav(checked.content), written, removed)
    builder = builders.get(builders.configured(root))
    with tempfile.TemporaryDirectory(prefix=".site-building-bench-", dir=root) as tmp:
        start = time.perf_counter()
        # As in make build: the hook is told the content is compiled, so it does not check again.
        env = mark_compiled(dict(os.environ, NO_MKDOCS_2_WARNING="1"), root, root / "docs", compiled)
        done = subprocess.run(builders.command(builder, root, Path(tmp)) + ["--quiet"], cwd=root, env=env,
                              capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{builder.name} build failed:\n{done.stderr[-3000:]}")
        times[builder.name] = time.perf_counter() - start
        for step in postbuild.STEPS:  # what postbuild.finish does, one step at a time
            start = time.perf_counter()
            if "content" in inspect.signature(step).parameters:
                step(Path(tmp), root, content=checked.content)
            else:
                step(Path(tmp), root)
            times[f"post-build: {step.__module__.removeprefix('walkthrough.')}.{step.__name__}"] = \
                time.perf_counter() - start
        start = time.perf_counter()
        problems = broken_links(Path(tmp))
        times["internal link check"] = time.perf_counter() - start
        if problems:
            raise RuntimeError("\n".join(problems[:20]))
    return times
