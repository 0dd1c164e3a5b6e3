import json

import pytest
from django.core.management import CommandError, call_command

from tests.filings.factories import register


@pytest.fixture
def marks(db):
    register(("N-1", "PHARMAVIE", "5"), ("N-2", "نور", "3"), ("N-3", "ATLAS", "39"))


def test_json_output_lists_results_with_score_risk_and_reasons(marks, capsys):
    call_command("search_marks", "FARMAVIE", "--classes", "5", "--format", "json")
    payload = json.loads(capsys.readouterr().out)
    assert payload["query"] == "FARMAVIE"
    assert payload["classes"] == [5]
    first = payload["results"][0]
    assert set(first) == {"number", "mark", "nice_classes", "score", "risk", "reasons"}
    assert (first["number"], first["risk"], first["nice_classes"]) == ("N-1", "high", [5])
    assert "sounds_like" in first["reasons"]


def test_jsonl_and_table_formats(marks, capsys):
    call_command("search_marks", "NOUR", "--classes", "3", "--format", "jsonl", "--limit", "1")
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["mark"] == "نور"
    call_command("search_marks", "NOUR", "--classes", "3", "--format", "table")
    table = capsys.readouterr().out
    assert "N-2" in table and "transliteration" in table


def test_batch_mode_prints_one_json_line_per_query(marks, tmp_path, capsys):
    path = tmp_path / "queries.csv"
    path.write_text("query,classes\nFARMAVIE,5\nنور,3\nZZZZZZ,\n", encoding="utf-8")
    call_command("search_marks", "--batch", str(path))
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert [line["query"] for line in lines] == ["FARMAVIE", "نور", "ZZZZZZ"]
    assert lines[0]["results"][0]["number"] == "N-1"
    assert lines[1]["classes"] == [3]
    assert lines[2]["results"] == []


def test_bad_classes_or_no_query_are_refused(marks):
    with pytest.raises(CommandError):
        call_command("search_marks", "X", "--classes", "99")
    with pytest.raises(CommandError):
        call_command("search_marks", "X", "--classes", "abc")
    with pytest.raises(CommandError):
        call_command("search_marks")
