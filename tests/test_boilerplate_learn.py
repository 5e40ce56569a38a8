"""Learning boilerplate from a corpus: shared headers and footers, never body lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.boilerplate import (
    RuleSet,
    boilerplate_edits,
    default_rules,
    learn_boilerplate,
    loads,
)
from cleantext.plan import apply_edits

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
HEADER = ["Home | World | Politics | Business", "Published {day} August 2025, {hour}:00 GMT"]
FOOTER = [
    "The Daily Meridian is an independent newsroom based in Ohio.",
    "Tips? Write to the desk at news@meridian.example",
]


def _site_page(number: int, body: str) -> str:
    header = [line.format(day=10 + number, hour=8 + number) for line in HEADER]
    return "\n\n".join([*header, body.strip(), *FOOTER])


def _corpus() -> list[str]:
    return [_site_page(n, path.read_text(encoding="utf-8")) for n, path in enumerate(SEEDS)]


def _body_lines() -> set[str]:
    return {
        " ".join(line.split())
        for path in SEEDS
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    }


def test_learns_the_shared_header_and_footer_and_no_body_line() -> None:
    learned = learn_boilerplate(_corpus(), min_documents=3, min_share=0.5)
    exact = {rule.pattern for rule in learned if rule.kind == "exact"}
    assert exact == {HEADER[0], *FOOTER}
    dated = [rule for rule in learned if rule.kind == "regex"]
    assert len(dated) == 1 and dated[0].position == "head"
    assert dated[0].matches("Published 1 August 2025, 23:00 GMT")
    assert not dated[0].matches("Published in August 2025")
    assert {rule.position for rule in learned if rule.pattern in FOOTER} == {"tail"}
    assert not any(rule.matches(line) for rule in learned for line in _body_lines())


def test_learned_rules_clean_a_new_page_of_the_site() -> None:
    learned = learn_boilerplate(_corpus(), min_documents=3, min_share=0.5)
    body = "Officials said the talks would resume.\n\n“We are ready,” Peskov said."
    page = _site_page(9, body)
    cleaned, _ = apply_edits(
        page, "boilerplate", boilerplate_edits(page, default_rules() + learned)
    )
    assert cleaned == body + "\n"


def test_learned_lines_are_only_removed_where_they_were_seen() -> None:
    learned = learn_boilerplate(_corpus(), min_documents=3, min_share=0.5)
    # The footer sentence quoted in the middle of a long article is body text there.
    middle = [f"Paragraph number {n} of the story, which runs on." for n in range(12)]
    middle.insert(6, FOOTER[0])
    text = "\n\n".join(middle)
    assert boilerplate_edits(text, learned) == []


def test_thresholds() -> None:
    corpus = _corpus()
    assert len(learn_boilerplate(corpus, min_documents=6, min_share=0.1)) == 0
    # Two sites: the second site's footer is in 2 of 7 documents.
    other = [
        f"Body of another site's page number {n}, long enough.\n\nOther Site footer"
        for n in range(2)
    ]
    mixed = corpus + other
    assert "Other Site footer" not in {r.pattern for r in learn_boilerplate(mixed)}
    learned = learn_boilerplate(mixed, min_documents=2, min_share=0.25)
    assert "Other Site footer" in {r.pattern for r in learned}


def test_accepts_a_generator_and_round_trips(tmp_path: Path) -> None:
    learned = learn_boilerplate(page for page in _corpus())
    assert len(learned) == 4
    path = tmp_path / "site.toml"
    learned.dump(path)
    assert loads(path.read_text(encoding="utf-8")) == learned


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"min_documents": 1}, ValueError),
        ({"min_share": 0.0}, ValueError),
        ({"min_share": 1.5}, ValueError),
        ({"zone": 0}, ValueError),
    ],
)
def test_bad_arguments(kwargs: dict[str, float], error: type[Exception]) -> None:
    with pytest.raises(error):
        learn_boilerplate(["a"], **kwargs)  # type: ignore[arg-type]


def test_bad_documents() -> None:
    with pytest.raises(TypeError, match="not one str"):
        learn_boilerplate("one document")
    with pytest.raises(TypeError, match="must be str"):
        learn_boilerplate([b"bytes"])  # type: ignore[list-item]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.builds(
                lambda n, body: f"Page {n} of 9 (x+y)?\n{body}\n© Site [{n}]",
                st.integers(0, 99),
                st.text(max_size=30),
            ),
        ),
        max_size=8,
    )
)
def test_any_corpus_gives_a_writable_rule_set(documents: list[str]) -> None:
    learned = learn_boilerplate(documents, min_documents=2, min_share=0.1)
    assert isinstance(learned, RuleSet)
    assert loads(learned.dumps()) == learned
    lines = {" ".join(line.split()) for document in documents for line in document.split("\n")}
    for rule in learned:  # every learned rule describes lines of the corpus
        assert sum(rule.matches(line) for line in lines) >= 1
    for document in documents:
        boilerplate_edits(document, learned)


def test_copies_of_one_article_count_once() -> None:
    corpus = _corpus()
    # A crawl that fetched one story four more times, with a different footer each time.
    copies = [f"{SEEDS[0].read_text(encoding='utf-8')}\n\nFetched {n} times" for n in range(4)]
    learned = learn_boilerplate(corpus + copies, min_documents=3, min_share=0.2)
    headline = SEEDS[0].read_text(encoding="utf-8").split("\n")[0]
    patterns = {rule.pattern for rule in learned}
    assert headline not in patterns
    assert not any(rule.matches(line) for rule in learned for line in _body_lines())
    assert {HEADER[0], *FOOTER} <= patterns
