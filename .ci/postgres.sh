#!/usr/bin/env bash
# Make sure PostgreSQL answers on 127.0.0.1:5432. Start an installed but
# stopped cluster; with CI=true a missing PostgreSQL is an error.
set -uo pipefail
answers() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
answers && exit 0
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do answers && exit 0; sleep 1; done
fi
if [ "${CI:-}" = "true" ]; then
  echo "CI=true: PostgreSQL is required on 127.0.0.1:5432 (user postgres, trust auth) but is not running." >&2
  exit 1
fi
exit 0
