#!/usr/bin/env bash
# Parse check of infra/ (Terraform cannot be installed here): HCL syntax of every .tf file via
# npm @cdktf/hcl2json, JSON files, references and files the Terraform reads. Exit 0 = all good.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/@cdktf/hcl2json ]; then
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
exec node check.mjs "$@"
