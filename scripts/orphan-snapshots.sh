#!/usr/bin/env bash
# Fails when a committed snapshot is no longer produced by any test (a renamed or removed case
# leaves its old snapshot behind, which then documents output nobody checks).
#
# Usage: scripts/orphan-snapshots.sh REFERENCES
# where REFERENCES is the file insta wrote while the tests ran with
# INSTA_SNAPSHOT_REFERENCES_FILE=REFERENCES (one snapshot path per line), as
# scripts/test-all.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
references="${1:?usage: $0 REFERENCES}"
if [ ! -s "$references" ]; then
  echo "error: $references lists no snapshot: were the tests run with INSTA_SNAPSHOT_REFERENCES_FILE?" >&2
  exit 1
fi
orphans=$(comm -23 \
  <(git ls-files '*.snap' | xargs -r realpath | sort -u) \
  <(xargs -r realpath <"$references" | sort -u))
if [ -n "$orphans" ]; then
  echo "error: snapshots that no test produces any more (delete them, or restore their test):" >&2
  echo "$orphans" | sed "s#^$PWD/#  #" >&2
  exit 1
fi
echo "snapshots: every committed snapshot is produced by a test"
