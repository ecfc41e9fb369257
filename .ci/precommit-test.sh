#!/usr/bin/env bash
# End-to-end test with the real pre-commit framework: an article repository
# uses this repository's hooks (language: golang, built with the machine's Go
# through the module proxy). A bad article must fail the commit with the
# diagnostics shown; a good one must pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

# The hook repository: the working tree as it is now (committed or not).
mkdir "$tmp/hooks"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$tmp/hooks/")
git -C "$tmp/hooks" init -q
git -C "$tmp/hooks" add -A
git -C "$tmp/hooks" commit -qm "corpuslint under test"
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

# The article repository.
mkdir "$tmp/articles"
cd "$tmp/articles"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: corpuslint
YAML
git add .pre-commit-config.yaml
git commit -qm "pre-commit config" --no-verify
pre-commit install >/dev/null

cp "$root/examples/corpus/000_118fddbc593f8a91.txt" good.txt
git add good.txt
if ! git commit -qm "good article" >"$tmp/good.log" 2>&1; then
	echo "FAIL: a good article was refused by the hook:" >&2
	cat "$tmp/good.log" >&2
	exit 1
fi
echo "ok: good article committed"

# A wrong weekday and no final newline.
sed -e 's/^Wednesday 7 August/Tuesday 7 August/' "$root/examples/corpus/000_118fddbc593f8a91.txt" | head -c -1 > bad.txt
git add bad.txt
if git commit -qm "bad article" >"$tmp/bad.log" 2>&1; then
	echo "FAIL: a bad article was committed:" >&2
	cat "$tmp/bad.log" >&2
	exit 1
fi
for want in "bad.txt:2:1" "dateline/weekday" "layout/final-newline"; do
	if ! grep -q "$want" "$tmp/bad.log"; then
		echo "FAIL: the hook's output lacks $want:" >&2
		cat "$tmp/bad.log" >&2
		exit 1
	fi
done
echo "ok: bad article refused with its diagnostics shown"
