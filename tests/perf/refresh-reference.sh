#!/bin/sh
# The frozen *unoptimised* engine that tests/perf/identity.test.ts compares src/model against.
# Since main carries the optimised engine (records, chunked queues), the reference is kept in
# step with deliberate model changes by applying them here too, not by copying main:
#   git show <commit> -- src/model | git apply -p3 --directory=tests/perf/reference
# (edit by hand where a change touches code the optimisation rewrote, e.g. client field access,
# then list the commit in tests/perf/reference/COMMIT). This script rebuilds the reference from
# a commit whose src/model is unoptimised, e.g. 16c934e:  sh tests/perf/refresh-reference.sh 16c934e
set -eu
ref=${1:?usage: refresh-reference.sh <commit with an unoptimised src/model>}
dir=$(dirname "$0")/reference
if git cat-file -e "$ref:src/model/clients.ts" 2>/dev/null; then
  echo "$ref has the optimised engine (src/model/clients.ts); pick a commit before it" >&2
  exit 1
fi
rm -rf "$dir" && mkdir -p "$dir"
git archive "$ref" src/model | tar -x --strip-components=2 -C "$dir"
# Parameters, matrix ids and scenario types are data, not engine: share them with src/model.
for f in params matrix scenario; do
  printf "// Parameters, matrix ids and scenario types are data, not engine: the reference shares them.\nexport * from '../../../src/model/%s.js';\n" "$f" > "$dir/$f.ts"
done
git rev-parse "$ref" > "$dir/COMMIT"
echo "reference engine = src/model at $(cat "$dir/COMMIT")"
