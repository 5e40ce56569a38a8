"""cleantext.dask on a real dask.distributed LocalCluster: same bytes as one process."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleantext import clean, clean_and_explain
from cleantext.plan import Plan
from cleantext.repair.models import DamageModel, Loss

pytest.importorskip(
    "dask.distributed", reason="dask is not installed: pip install -e '.[dask]' to run these"
)
pytest.importorskip("pandas", reason="dask.dataframe needs pandas: pip install -e '.[dask]'")

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster, get_task_stream

from cleantext.dask import (
    RepairReport,
    clean_bag,
    clean_bag_with_report,
    clean_column,
    clean_column_with_report,
    clean_jsonl,
    clean_jsonl_file,
)

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
DAMAGE = (
    DamageModel("utf-8", "cp1252"),
    DamageModel("utf-8", "gbk", Loss.IGNORE),
    DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
    DamageModel("utf-8", "big5"),
)


def _corpus() -> list[str]:
    """Whole seed documents, seed paragraphs, damaged paragraphs and edge cases."""
    docs = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("00[01]_*.txt"))]
    lines = [line for doc in docs for line in doc.splitlines() if line.strip()][:30]
    damaged = [
        model.apply(line)
        for model, line in zip(itertools.cycle(DAMAGE), lines)
        if model.can_apply(line) and not line.isascii()
    ]
    return [*docs, *lines, *damaged, "", "tab\there\u00a0 \r\n", "Ã" * 20]


CORPUS = _corpus()


@pytest.fixture(scope="module")
def explained() -> list[tuple[str, Plan]]:
    return [clean_and_explain(text) for text in CORPUS]


@pytest.fixture(scope="module")
def expected(explained: list[tuple[str, Plan]]) -> list[str]:
    return [text for text, _plan in explained]


@pytest.fixture(scope="module")
def single_report(explained: list[tuple[str, Plan]]) -> RepairReport:
    return sum((RepairReport.of(plan) for _text, plan in explained), RepairReport())


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """Two worker processes, one thread each, on this machine only."""
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def _ran_on_cluster(stream: Any) -> bool:
    return bool(stream.data) and all(task["worker"] for task in stream.data)


def test_bag_on_the_cluster_matches_one_process(client: Client, expected: list[str]) -> None:
    bag = db.from_sequence(CORPUS, npartitions=4)
    with get_task_stream(client) as stream:
        result = clean_bag(bag).compute()
    assert _ran_on_cluster(stream)
    assert "\n\0".join(result).encode("utf-8", "surrogatepass") == "\n\0".join(expected).encode(
        "utf-8", "surrogatepass"
    )
    assert expected != CORPUS  # there was work to do


def test_bag_report_adds_up_the_plans(
    client: Client, expected: list[str], single_report: RepairReport
) -> None:
    cleaned, report = clean_bag_with_report(db.from_sequence(CORPUS, npartitions=3))
    texts, total = dask.compute(cleaned, report)
    assert texts == expected
    assert total == single_report
    assert total.documents == len(CORPUS)
    assert total.changed == sum(
        1 for text, out in zip(CORPUS, expected, strict=True) if text != out
    )
    assert any("read as" in model for model in total.changes)  # mojibake repairs are counted


def test_profile_is_used_on_the_workers(client: Client) -> None:
    texts = CORPUS[:8]
    bag = db.from_sequence(texts, npartitions=2)
    wanted = [clean(text, "ascii-punctuation") for text in texts]
    assert wanted != [clean(text) for text in texts]
    assert clean_bag(bag, profile="ascii-punctuation").compute() == wanted


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": range(len(CORPUS) + 1),
            "text": pd.Series([*CORPUS, None], dtype=object),
            "source": ["seed"] * (len(CORPUS) + 1),
        }
    )


def test_column_on_the_cluster_matches_one_process(client: Client, expected: list[str]) -> None:
    frame = _frame()
    ddf = dd.from_pandas(frame, npartitions=3)
    with get_task_stream(client) as stream:
        cleaned = clean_column(ddf, "text").compute()
    assert _ran_on_cluster(stream)
    assert cleaned["text"].tolist()[:-1] == expected
    assert cleaned["text"].isna().tolist()[-1]  # a missing value passes through
    assert cleaned["id"].tolist() == frame["id"].tolist()
    assert cleaned["source"].tolist() == frame["source"].tolist()
    assert list(cleaned.columns) == ["id", "text", "source"]


def test_column_report(client: Client, expected: list[str], single_report: RepairReport) -> None:
    ddf = dd.from_pandas(_frame(), npartitions=2)
    cleaned, report = clean_column_with_report(ddf, "text")
    frame, total = dask.compute(cleaned, report)
    assert frame["text"].tolist()[:-1] == expected
    assert total == single_report + RepairReport(skipped=1)


def test_column_errors_are_clear(client: Client) -> None:
    with dask.config.set({"dataframe.convert-string": False}):  # keep the int an int
        ddf = dd.from_pandas(pd.DataFrame({"text": ["a", 3]}, dtype=object), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'; columns: text"):
        clean_column(ddf, "body")
    with pytest.raises(TypeError, match="column 'text' holds a int, not str"):
        clean_column(ddf, "text").compute()


def _write_corpus(root: Path) -> None:
    """Three files, one in a sub-folder, with every kind of line the function meets."""
    records = [
        json.dumps({"id": n, "text": text}, ensure_ascii=n % 2 == 0)
        for n, text in enumerate(CORPUS)
    ]
    odd = [
        '{"id": "spaced" ,  "text": "already clean"}',  # unchanged: copied byte for byte
        "not json at all",
        "[1, 2, 3]",
        '{"id": "no text field"}',
        "",
        '{"id": "number", "text": 12}',
        '{"text": "lone surrogate \\ud800 and Ã© here"}',
    ]
    (root / "part").mkdir(parents=True)
    (root / "a.jsonl").write_text("\n".join(records[:20]) + "\n", encoding="utf-8")
    (root / "part" / "b.jsonl").write_bytes(
        ("\r\n".join(records[20:] + odd)).encode("utf-8")  # CRLF, no final newline
    )
    (root / "c.jsonl").write_bytes(
        b'{"text": "\xff\xfe not utf-8"}\n' + records[0].encode() + b"\n"
    )
    (root / "ignored.txt").write_text("not a jsonl file", encoding="utf-8")


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_jsonl_folder_on_the_cluster_matches_one_process(client: Client, tmp_path: Path) -> None:
    source = tmp_path / "in"
    _write_corpus(source)
    single = tmp_path / "single"
    single_report = sum(
        (
            clean_jsonl_file(path, single / path.relative_to(source))
            for path in sorted(source.rglob("*.jsonl"))
        ),
        RepairReport(),
    )
    with get_task_stream(client) as stream:
        report = clean_jsonl(source, tmp_path / "cluster")
    assert _ran_on_cluster(stream)
    cluster_files = _tree(tmp_path / "cluster")
    assert cluster_files == _tree(single)
    assert sorted(cluster_files) == ["a.jsonl", "c.jsonl", "part/b.jsonl"]
    assert report == single_report
    assert (
        report.skipped == 6
    )  # 3 lines without text, the number, the blank line, the non-UTF-8 one
    assert report.documents == len(CORPUS) + 3


def test_jsonl_output_is_the_cleaned_records(tmp_path: Path) -> None:
    source = tmp_path / "in"
    _write_corpus(source)
    with dask.config.set(scheduler="sync"):
        clean_jsonl(source, tmp_path / "out")
    out = (tmp_path / "out" / "part" / "b.jsonl").read_bytes().split(b"\r\n")
    original = (source / "part" / "b.jsonl").read_bytes().split(b"\r\n")
    assert len(out) == len(original)
    for before, after in zip(original, out, strict=True):
        try:
            record = json.loads(before)
        except ValueError:
            assert after == before
            continue
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            cleaned = clean(record["text"])
            assert json.loads(after) == {**record, "text": cleaned}
            if cleaned == record["text"]:
                assert after == before
        else:
            assert after == before


def test_jsonl_refuses_to_clean_in_place(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "in")
    with pytest.raises(ValueError, match="target must differ from source"):
        clean_jsonl(tmp_path / "in", tmp_path / "in" / ".." / "in")


def test_jsonl_missing_source(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError, match="source folder not found"):
        clean_jsonl(tmp_path / "nope", tmp_path / "out")


def test_bad_profile_fails_before_any_work() -> None:
    with pytest.raises(ValueError, match="unknown profile 'quick'"):
        clean_bag(db.from_sequence(["a"]), profile="quick")


def test_report_arithmetic_and_text() -> None:
    a = RepairReport(documents=2, changed=1, changes={"x": 2})
    b = RepairReport(documents=3, changed=2, skipped=1, changes={"x": 1, "y": 4})
    total = a + b
    assert total == RepairReport(5, 3, 1, {"x": 3, "y": 4})
    assert str(total).splitlines() == [
        "5 documents, 3 changed, 1 skipped",
        "         4  y",
        "         3  x",
    ]
    assert total.to_dict() == {
        "documents": 5,
        "changed": 3,
        "skipped": 1,
        "changes": {"x": 3, "y": 4},
    }


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'cleantext-repair\[dask\]'"):
        clean_bag(db.from_sequence(["a"]))
