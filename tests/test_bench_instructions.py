"""The instruction counter (bench/instructions.py) counts the work between its marks, the same
each time, and its report gives each page's floor from the 404 drawn in full.

The first test runs a small Python program under Valgrind (installed on every machine of this
project, with its headers; gcc compiles the marks), at near full speed outside the marks.
"""

import subprocess
import sys
import textwrap

from bench import instructions

PROGRAM = textwrap.dedent(
    """
    import ctypes, sys
    marks = ctypes.CDLL(sys.argv[1])
    assert marks.bench_on_valgrind()

    def work(n):
        return sum(str(i).count("7") for i in range(n))

    for round_ in range(3):
        for name, n in (("small", 2_000), ("large", 20_000)):
            marks.bench_start()
            work(n)
            marks.bench_stop(f"{name} warm {round_}".encode())
    """
)


def test_counts_between_the_marks_repeat_and_grow_with_the_work(tmp_path):
    library = instructions.compile_marks(tmp_path)
    program = tmp_path / "program.py"
    program.write_text(PROGRAM)

    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            "--instr-atstart=no",
            f"--callgrind-out-file={tmp_path}/callgrind.out",
            sys.executable,
            str(program),
            str(library),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    dumps = dict(
        filter(
            None,
            (instructions.read_dump(p.read_text()) for p in tmp_path.glob("callgrind.out*")),
        )
    )

    assert sorted(dumps) == sorted(
        f"{name} warm {r}" for name in ("small", "large") for r in range(3)
    )
    small = [dumps[f"small warm {r}"] for r in range(3)]
    large = [dumps[f"large warm {r}"] for r in range(3)]
    # Ten times the work counts about ten times the instructions (not the program's start-up).
    assert 7 < min(large) / max(small) < 13
    # The same work counts the same, to within 2 % (rounds after the first).
    assert max(large[1:]) / min(large[1:]) < 1.02


def test_the_floor_of_each_page_is_the_404_drawn_in_full_over_its_warm_cost():
    dumps = {}
    for r in range(3):
        dumps |= {
            f"home warm {r}": 10_000_000 + r,
            f"home cleared {r}": 110_000_000,
            f"about warm {r}": 20_000_000,
            f"about cleared {r}": 50_000_000 + 1_000_000 * r,
            f"404 warm {r}": 14_000_000,
            f"404 cleared {r}": 30_000_000,
        }

    pages = instructions.collect(dumps)

    assert list(pages) == ["home", "about", "404"]  # the order of bench.PAGES
    assert pages["home"]["cleared_over_warm"] == 11.0
    assert pages["home"]["floor_ratio"] == 3.0  # 30M / 10M: over 2 whatever home draws
    assert pages["about"]["floor_ratio"] == 1.5
    assert pages["about"]["cleared"] == 51_000_000
    assert pages["about"]["spread"] == round(2_000_000 / 51_000_000, 4)
    assert pages["404"]["floor_ratio"] == pages["404"]["cleared_over_warm"]
