#!/usr/bin/env bash
# Builds a function's AppCDS archive (the classes its start and first request load, already parsed and
# verified) by one training run: the deploy jar under the Functions Framework invoker, exactly as the
# runtime launches it, with -XX:ArchiveClassesAtExit; one request, then a normal exit writes the archive.
# Launched with -XX:SharedArchiveFile=ARCHIVE, the same JVM and invoker start the function sooner.
# A JVM of another build, or another invoker jar, refuses the archive with a warning and starts as before.
#
#   functions/class-archive.sh INVOKER_JAR DEPLOY_JAR BEAN METHOD PATH [ARCHIVE]
#
# JAVA (default: java on the PATH) must be the JVM that will run the function. ARCHIVE defaults to the deploy jar's name with .jsa. The training run needs no Google service: the
# first request (for example GET /v1/openapi.json, or a request without a token) touches none, and the
# clients are pointed at addresses that are never reached. Uses bash only (no curl), so it also runs
# in the functions' runtime image.
set -euo pipefail

if [[ $# -lt 5 || $# -gt 6 ]]; then
  echo "usage: functions/class-archive.sh INVOKER_JAR DEPLOY_JAR BEAN METHOD PATH [ARCHIVE]" >&2
  exit 2
fi
invoker="$1" jar="$2" bean="$3" method="$4" path="$5" archive="${6:-${2%.jar}.jsa}"
[[ -f "$invoker" ]] || { echo "class-archive: no invoker jar at $invoker" >&2; exit 1; }
[[ -f "$jar" ]] || { echo "class-archive: no deploy jar at $jar" >&2; exit 1; }

# a free port: bind to 0 in bash is not possible, so pick from the ephemeral range until one is unused
port=0
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[[ $port -ne 0 ]] || { echo "class-archive: no free port found" >&2; exit 1; }

log="${TMPDIR:-/tmp}/class-archive-$bean.log" # not beside the archive: target/deploy is what gets deployed
rm -f "$archive"
env GOOGLE_CLOUD_PROJECT=class-archive-training COHERENCE_UPLOADS_BUCKET=training COHERENCE_TASKS_LOCATION=training \
  COHERENCE_TASKS_QUEUE=training COHERENCE_ANALYSIS_URL=http://127.0.0.1:9/tasks/analyze \
  COHERENCE_ANALYSIS_AUDIENCE=http://127.0.0.1:9 COHERENCE_TASKS_SERVICE_ACCOUNT=training@example.com \
  COHERENCE_EVENTS_TOPIC=training FIRESTORE_EMULATOR_HOST=127.0.0.1:9 PUBSUB_EMULATOR_HOST=127.0.0.1:9 \
  FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9 STRIPE_WEBHOOK_SECRET=whsec_training \
  SPRING_CLOUD_FUNCTION_DEFINITION="$bean" \
  "${JAVA:-java}" -XX:ArchiveClassesAtExit="$archive" -jar "$invoker" --classpath "$jar" \
  --target app.coherence.gcp.function.CoherenceFunctionInvoker --port "$port" >"$log" 2>&1 &
pid=$!

answered=false
for _ in $(seq 1 1200); do # 120 s
  kill -0 "$pid" 2>/dev/null || { echo "class-archive: the function exited; see $log" >&2; exit 1; }
  if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n' \
      "$method" "$path" >&3
    head -c 12 <&3 >/dev/null || true
    exec 3>&-
    answered=true
    break
  fi
  sleep 0.1
done
kill "$pid" # SIGTERM: the JVM exits normally and writes the archive
wait "$pid" || true
$answered || { echo "class-archive: the function did not answer within 120 s; see $log" >&2; exit 1; }
[[ -s "$archive" ]] || { echo "class-archive: no archive written; see $log" >&2; exit 1; }
echo "$archive"
