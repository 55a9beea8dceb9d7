#!/bin/sh
# Refresh the frozen unoptimised engine the identity test compares against.
# Run it only with a commit whose src/model is *unoptimised* behaviour you want to pin, e.g.
# after the lead changes mechanism code on main:  sh tests/perf/refresh-reference.sh main
# (then re-apply the optimisations in src/model and check tests/perf/identity.test.ts is green).
set -eu
ref=${1:?usage: refresh-reference.sh <commit>}
dir=$(dirname "$0")/reference
rm -rf "$dir" && mkdir -p "$dir"
git archive "$ref" src/model | tar -x --strip-components=2 -C "$dir"
git rev-parse "$ref" > "$dir/COMMIT"
echo "reference engine = src/model at $(cat "$dir/COMMIT")"
