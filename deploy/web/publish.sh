#!/bin/sh
# Publish a built web app (SRC) into the directory nginx serves (DEST, a volume
# nginx may be serving right now): the new hashed assets go in first, then the
# index.html files that point at them, and only then are files of older builds
# removed. A page loaded a moment before still finds its assets while the copy
# runs.
set -eu
SRC=${1:?usage: publish.sh SRC DEST}
DEST=${2:?usage: publish.sh SRC DEST}
[ -f "$SRC/index.html" ] || { echo "publish.sh: $SRC/index.html missing" >&2; exit 1; }
cd "$SRC"
find . -type d -exec mkdir -p "$DEST/{}" \;
find . -type f ! -name index.html -exec cp -p {} "$DEST/{}" \;
find . -type f -name index.html -exec cp -p {} "$DEST/{}" \;
cd "$DEST"
find . -type f | while IFS= read -r file; do
    [ -e "$SRC/$file" ] || rm -f "$file"
done
find . -mindepth 1 -type d -empty -delete
echo "publish.sh: $(find . -type f | wc -l) files in $DEST"
