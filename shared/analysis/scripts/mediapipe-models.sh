#!/usr/bin/env bash
# Re-extracts the vendored MediaPipe face models (Apache-2.0) from their npm packages and checks them
# against SHA256SUMS: `scripts/mediapipe-models.sh` checks, `scripts/mediapipe-models.sh --write` replaces.
# face_landmark.tflite is packed inside face_mesh's .data file; its byte range is the one
# face_mesh_solution_packed_assets_loader.js gives for /third_party/mediapipe/modules/face_landmark/face_landmark.tflite.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/main/resources/app/coherence/analysis/vision/mediapipe"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @mediapipe/face_detection@0.4.1657300184 @mediapipe/face_mesh@0.4.1657299874 >/dev/null
mkdir fd fm out
tar xzf mediapipe-face_detection-0.4.1657300184.tgz -C fd
tar xzf mediapipe-face_mesh-0.4.1657299874.tgz -C fm
cp fd/package/face_detection_full_range.tflite out/
range="$(grep -o '"filename": "/third_party/mediapipe/modules/face_landmark/face_landmark.tflite", "start": [0-9]*, "end": [0-9]*' \
  fm/package/face_mesh_solution_packed_assets_loader.js | grep -o '[0-9]*, "end": [0-9]*' | tr -dc '0-9 ')"
read -r start end <<<"$range"
dd if=fm/package/face_mesh_solution_packed_assets.data of=out/face_landmark.tflite bs=1 skip="$start" count="$((end - start))" status=none
cd out
if [[ "${1:-}" == "--write" ]]; then
  cp ./*.tflite "$dest/"
  sha256sum ./*.tflite | sed 's| \./| |' > "$dest/SHA256SUMS"
  echo "models written to $dest"
else
  sha256sum -c "$dest/SHA256SUMS"
fi
