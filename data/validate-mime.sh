#!/bin/sh
# Checks a shared-mime-info package: well-formed XML, and a database built
# from it alone maps *.arraigo to application/x-arraigo-scenario.
set -eu
package=$1
xmllint --noout "$package"
command -v update-mime-database >/dev/null || { echo "update-mime-database not found: skipped"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/mime/packages"
cp "$package" "$dir/mime/packages/"
update-mime-database "$dir/mime"
grep -q '^application/x-arraigo-scenario:\*\.arraigo$' "$dir/mime/globs"
grep -q '^application/x-arraigo-scenario text/plain$' "$dir/mime/subclasses"
echo "ok: *.arraigo is application/x-arraigo-scenario"
