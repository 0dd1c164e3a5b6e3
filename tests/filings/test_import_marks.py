import datetime

import pytest
from django.core.management import CommandError, call_command

from filings.models import RegisterMark
from filings.search.normalize import mark_keys
from filings.services import register_import

HEADER = "number,mark,nice_classes,owner,status,filing_date\n"


def _write(tmp_path, body, header=HEADER):
    path = tmp_path / "marks.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_import_creates_marks_with_their_search_keys(db, tmp_path, capsys):
    path = _write(tmp_path, "T1,PHARMAVIE,5 35,Labo,registered,2020-02-29\nT2,نور,3,N,filed,\n")
    call_command("import_marks", str(path))
    mark = RegisterMark.objects.get(number="T1")
    assert mark.nice_classes == " 5 35 "
    assert mark.class_list == [5, 35]
    assert mark.expiry_date == datetime.date(2030, 2, 28)
    assert mark.key_phonetic == "farmafi"
    assert RegisterMark.objects.get(number="T2").script == "arabic"
    assert "2 marks imported or updated, 0 lines rejected" in capsys.readouterr().out


def test_import_is_idempotent_and_updates_by_number(db, tmp_path):
    path = _write(tmp_path, "T1,KOALA,25,A,registered,2020-01-01\n")
    call_command("import_marks", str(path))
    call_command("import_marks", str(path))
    assert RegisterMark.objects.count() == 1
    path = _write(tmp_path, "T1,KOALA KIDS,25 35,B,expired,2020-01-01\n")
    call_command("import_marks", str(path))
    mark = RegisterMark.objects.get()
    assert (mark.mark, mark.status, mark.owner) == ("KOALA KIDS", "expired", "B")
    # The keys follow the new text, not the first import's.
    assert mark.key_phonetic == mark_keys("KOALA KIDS").phonetic != mark_keys("KOALA").phonetic


def test_every_rejected_line_is_reported_with_its_number_and_reason(db, tmp_path, capsys):
    body = (
        "R1,GOOD,25,A,registered,2020-01-01\n"  # line 2
        ",NONUMBER,25,A,registered,\n"  # line 3
        "R3,,25,A,registered,\n"  # line 4
        "R4,BADCLASS,46,A,registered,\n"  # line 5
        "R5,BADSTATUS,25,A,sleeping,\n"  # line 6
        "R6,BADDATE,25,A,registered,31/12/2020\n"  # line 7
        "R7,TOO,MANY,COLUMNS,registered,2020-01-01,x\n"  # line 8
        "R8,---,25,A,registered,\n"  # line 9
        "R9,NOCLASS,,A,registered,\n"  # line 10
        "R10,SQUARED,\u00b2,A,registered,\n"  # line 11: a digit for isdigit(), not for int()
    )
    call_command("import_marks", str(_write(tmp_path, body)))
    err = capsys.readouterr().err
    assert list(RegisterMark.objects.values_list("number", flat=True)) == ["R1"]
    for line, reason in [
        (3, "number is empty"),
        (4, "mark is empty"),
        (5, "Nice class '46'"),
        (6, "status 'sleeping'"),
        (7, "filing_date '31/12/2020'"),
        (8, "wrong number of columns"),
        (9, "mark has no letters or digits"),
        (10, "no Nice class"),
        (11, "Nice class '\u00b2'"),
    ]:
        assert f"line {line}: rejected: {reason}" in err


def test_wrong_header_or_missing_file_stops_with_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="header"):
        call_command("import_marks", str(_write(tmp_path, "", header="num,mark\n")))
    with pytest.raises(CommandError):
        call_command("import_marks", str(tmp_path / "nope.csv"))


def test_large_files_stream_in_batches_with_progress(db, tmp_path, capsys):
    body = "".join(f"B{i},MARK{i},9,O,registered,\n" for i in range(25))
    call_command("import_marks", str(_write(tmp_path, body)), batch_size=10)
    err = capsys.readouterr().err
    assert err.count("lines read") == 3  # one progress line per batch: 10, 20, 25
    assert RegisterMark.objects.count() == 25


def test_a_failing_batch_is_not_half_imported(db, tmp_path, monkeypatch):
    body = "".join(f"B{i},MARK{i},9,O,registered,\n" for i in range(25))
    real_save = register_import._save_batch
    calls = []

    def failing_second_batch(marks):
        calls.append(len(marks))
        if len(calls) == 2:
            # Half the batch is written, then the database fails: nothing of it may remain.
            real_save(marks[:5])
            raise RuntimeError("database went away")
        real_save(marks)

    monkeypatch.setattr(
        register_import, "_save_batch", register_import.transaction.atomic(failing_second_batch)
    )
    with pytest.raises(RuntimeError):
        call_command("import_marks", str(_write(tmp_path, body)), batch_size=10)
    assert sorted(RegisterMark.objects.values_list("number", flat=True)) == sorted(
        f"B{i}" for i in range(10)
    )


def test_a_number_repeated_in_one_batch_keeps_the_last_line(db, tmp_path):
    body = "D1,FIRST,9,O,registered,\nD1,SECOND,9,O,registered,\n"
    call_command("import_marks", str(_write(tmp_path, body)))
    assert RegisterMark.objects.get(number="D1").mark == "SECOND"
