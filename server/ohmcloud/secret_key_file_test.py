from ohmcloud.secret_key_file import load_or_create_secret_key


def test_key_is_generated_once_and_private(tmp_path):
    path = tmp_path / "var" / "secret_key"
    key = load_or_create_secret_key(path)
    assert len(key) >= 80
    assert path.stat().st_mode & 0o777 == 0o600
    assert load_or_create_secret_key(path) == key
