"""What a batch takes as input: folders, glob patterns, files."""

import pytest

from qogam.batch import InputError, content_hash, expand_inputs


def test_folder_is_searched_recursively_for_charter_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ["a/1.docx", "a/b/2.PDF", "a/b/3.jpg", "a/notes.xlsx", "a/~$1.docx", "a/.hidden.txt", "4.txt"]:
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["4.txt", "a/1.docx", "a/b/2.PDF", "a/b/3.jpg"]


def test_glob_and_files_are_merged_without_repeats(tmp_path):
    for name in ["x1.pdf", "x2.pdf", "y.txt"]:
        (tmp_path / name).write_bytes(b"x")
    found = expand_inputs([str(tmp_path / "x*.pdf"), tmp_path / "x1.pdf", tmp_path / "y.txt"])
    assert [p.name for p in found] == ["x1.pdf", "x2.pdf", "y.txt"]


def test_output_folder_inside_the_input_is_not_an_input(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "overview.html").write_text("<html>")
    (tmp_path / "a.txt").write_text("x")
    assert [p.name for p in expand_inputs([tmp_path], exclude=tmp_path / "out")] == ["a.txt"]


def test_nothing_there(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        expand_inputs([tmp_path / "missing"])
    assert expand_inputs([str(tmp_path / "*.pdf")]) == []


def test_hash_is_of_the_content(tmp_path):
    (tmp_path / "a").write_bytes(b"charter")
    (tmp_path / "b").write_bytes(b"charter")
    (tmp_path / "c").write_bytes(b"charter!")
    assert content_hash(tmp_path / "a") == content_hash(tmp_path / "b") != content_hash(tmp_path / "c")


def test_a_name_too_long_for_a_file_is_a_clear_error():
    with pytest.raises(InputError, match="too long for a file or folder"):
        expand_inputs(["a" * 300])
