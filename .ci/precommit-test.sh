#!/usr/bin/env bash
# End-to-end test with the real pre-commit framework: article repositories
# use this repository's three hooks (language: golang, built with the
# machine's Go through the module proxy).
#   corpuslint         a bad article fails the commit with its diagnostics
#                      shown; a good one passes;
#   corpuslint-fix     the commit fails once because the hook fixed the
#                      file, and passes once the fixed file is added;
#   corpuslint-corpus  two articles with one story code fail the commit,
#                      whatever files the commit touches; distinct codes pass.
# The expected diagnostics come from corpuslint itself, built from the same
# tree, so the test follows the rules as they change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

fail() {
	echo "FAIL: $1" >&2
	[ -z "${2:-}" ] || cat "$2" >&2
	exit 1
}

# The hook repository: the working tree as it is now (committed or not).
mkdir "$tmp/hooks"
(cd "$root" && git ls-files -co --exclude-standard -z |
	tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -xf - -C "$tmp/hooks"
# From here on, the user's git settings stay out of the test repositories.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git -C "$tmp/hooks" -c init.defaultBranch=main init -q
git -C "$tmp/hooks" add -A
git -C "$tmp/hooks" commit -qm "corpuslint under test"
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

# corpuslint as the hooks run it, to know what they must report.
(cd "$root" && go build -o "$tmp/corpuslint" ./cmd/corpuslint)

# articles NAME HOOK: a new article repository using one hook, made the
# current folder.
articles() {
	mkdir "$tmp/$1"
	cd "$tmp/$1"
	git -c init.defaultBranch=main init -q
	cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: $2
YAML
	git add .pre-commit-config.yaml
	git commit -qm "pre-commit config" --no-verify
	pre-commit install >/dev/null
}

good="$root/examples/corpus/001_4c0e9a7d21b3f658.txt"
"$tmp/corpuslint" -q --format concise "$good" >/dev/null || fail "the good article has problems of severity error"

# --- corpuslint: check ---------------------------------------------------
articles check corpuslint
cp "$good" good.txt
git add good.txt
git commit -qm "good article" >"$tmp/good.log" 2>&1 || fail "a good article was refused by the hook:" "$tmp/good.log"
grep -q '^corpuslint\.*Passed' "$tmp/good.log" || fail "the hook did not run:" "$tmp/good.log"
echo "ok: corpuslint passes a good article"

# Mojibake (an error) and no final newline (a warning).
sed -e "s/the wheat harvest/the countryâ€™s wheat harvest/" "$good" | head -c -1 > bad.txt
cmp -s bad.txt "$good" && fail "could not make the bad article"
git add bad.txt
if git commit -qm "bad article" >"$tmp/bad.log" 2>&1; then
	fail "a bad article was committed:" "$tmp/bad.log"
fi
status=0
"$tmp/corpuslint" -q --ignore corpus --format concise bad.txt >"$tmp/want.txt" || status=$?
[ "$status" = 1 ] || fail "corpuslint exits $status on the bad article, want 1 (an error)" "$tmp/want.txt"
grep -q 'encoding/mojibake' "$tmp/want.txt" || fail "corpuslint does not see the mojibake:" "$tmp/want.txt"
grep -q 'layout/final-newline' "$tmp/want.txt" || fail "corpuslint does not see the missing final newline:" "$tmp/want.txt"
# Each problem, with its place, rule and message, is in the hook's output.
while IFS= read -r line; do
	place=${line%%: *}                # bad.txt:L:C
	rest=${line#*\] }                 # message, after "severity [rule] "
	rule=${line#*\[}; rule=${rule%%\]*}
	if ! { grep -qF "$place: " "$tmp/bad.log" && grep -qF "[$rule]" "$tmp/bad.log" && grep -qF "$rest" "$tmp/bad.log"; }; then
		fail "the hook's output lacks \"$line\":" "$tmp/bad.log"
	fi
done < "$tmp/want.txt"
echo "ok: corpuslint refuses a bad article with its $(wc -l < "$tmp/want.txt") diagnostics shown"

# --- corpuslint-fix: fix, then pass ---------------------------------------
articles fix corpuslint-fix
# Spaces at the end of a line and no final newline: both fixed safely.
sed -e '1,/^Story Code/!s/\.$/.  /' "$good" | head -c -1 > fixable.txt
git add fixable.txt
if git commit -qm "fixable article" >"$tmp/fix1.log" 2>&1; then
	fail "the fix hook let a fixable article through unchanged:" "$tmp/fix1.log"
fi
grep -q "files were modified by this hook" "$tmp/fix1.log" || fail "pre-commit did not report the fixed file:" "$tmp/fix1.log"
cmp -s fixable.txt "$good" || {
	diff "$good" fixable.txt >&2 || true
	fail "the fixed article differs from the good one (diff above)"
}
git add fixable.txt
git commit -qm "fixed article" >"$tmp/fix2.log" 2>&1 || fail "the fixed article was refused:" "$tmp/fix2.log"
grep -q '^corpuslint (fix)\.*Passed' "$tmp/fix2.log" || fail "the fix hook did not run:" "$tmp/fix2.log"
echo "ok: corpuslint-fix fixes an article, and the fixed article passes"

# --- corpuslint-corpus: whole-corpus checks -------------------------------
articles corpus corpuslint-corpus
cp "$good" a.txt
sed -e 's/^Story Code : .*/Story Code : 1152999/' "$root/examples/corpus/004_6e5f1c3a98b24d07.txt" > b.txt
git add a.txt b.txt
git commit -qm "two articles" >"$tmp/corpus1.log" 2>&1 || fail "two distinct articles were refused:" "$tmp/corpus1.log"
grep -q '^corpuslint (whole corpus)\.*Passed' "$tmp/corpus1.log" || fail "the corpus hook did not run:" "$tmp/corpus1.log"
echo "ok: corpuslint-corpus passes distinct articles"
# A third article that reuses a.txt's story code; the commit touches only
# c.txt, and the hook still compares it with the whole corpus.
code=$(sed -n 's/^Story Code : //p' a.txt)
sed -e "s/^Story Code : .*/Story Code : $code/" "$root/examples/corpus/005_a3c7d94e1f60b28e.txt" > c.txt
git add c.txt
if git commit -qm "duplicate story code" >"$tmp/corpus2.log" 2>&1; then
	fail "an article reusing a story code was committed:" "$tmp/corpus2.log"
fi
if ! { grep -q "corpus/duplicate-story-code" "$tmp/corpus2.log" && grep -q "a\.txt" "$tmp/corpus2.log"; }; then
	fail "the corpus hook's output lacks the duplicate story code in a.txt:" "$tmp/corpus2.log"
fi
echo "ok: corpuslint-corpus refuses a story code used twice in the corpus"
