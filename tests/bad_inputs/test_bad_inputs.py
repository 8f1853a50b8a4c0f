"""Golden bad inputs: each file in cases/ is one content file with one mistake.

Header lines: `# path: <file in the content folder it replaces>` and one or more
`# expect: <exact error line>`. The rest of the file (after the headers) is written verbatim,
so line numbers in `expect` count from the first line after the headers. Adding a case means
adding a file.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from support import TODAY
from walkthrough.content import check_content
from walkthrough.problems import ContentError

CASES = sorted((Path(__file__).parent / "cases").glob("*.yml"))


def _read_case(path: Path) -> tuple[str, list[str], bytes]:
    raw = path.read_bytes()
    headers, body = [], raw
    while body.startswith(b"# path:") or body.startswith(b"# expect:"):
        line, _, body = body.partition(b"\n")
        headers.append(line.decode("utf-8"))
    target = next(h.split(":", 1)[1].strip() for h in headers if h.startswith("# path:"))
    expects = [h.split(":", 1)[1].strip() for h in headers if h.startswith("# expect:")]
    return target, expects, body


def test_there_are_at_least_twenty_distinct_mistakes():
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_is_refused_with_a_named_error(case: Path, content_root: Path):
    target, expects, body = _read_case(case)
    assert expects, f"{case.name} has no '# expect:' line"
    (content_root / target).write_bytes(body)
    with pytest.raises(ContentError) as raised:
        check_content(content_root, TODAY)
    reported = [str(p) for p in raised.value.problems]
    for expected in expects:
        assert expected in reported, "\n".join(["expected:", expected, "reported:", *reported])
    assert "Traceback" not in raised.value.report()
