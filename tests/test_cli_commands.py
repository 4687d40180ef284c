from qogam.cli import build_parser


def test_every_command_has_help():
    parser = build_parser()
    text = parser.format_help()
    assert "check" in text
