#!/usr/bin/env bash
# Records a JDK 25 AOT cache (JEP 483, 514, 515: classes loaded and linked, method profiles) for
# the production jar in a training run: the application starts on a throwaway data directory,
# serves the login page, and stops; the JVM writes the cache as it exits.
#
#   ./mvnw -B -Pproduction -DskipTests package
#   java -Djarmode=tools -jar target/armstrace.jar extract --destination /opt/armstrace
#   bash src/build/aot-cache.sh /opt/armstrace            # writes /opt/armstrace/armstrace.aot
#   java <the flags below> -XX:AOTCache=/opt/armstrace/armstrace.aot -jar /opt/armstrace/armstrace.jar
#
# Why extracted: the JVM caches only classes its own class loaders read from plain jars; from the
# fat jar (Spring Boot's nested-jar loader) it would cache the JDK's classes alone.
# The cache is valid only for the same JDK build, the same jar paths and the same flags: record it
# again after every build and JDK update. A JVM that finds it stale warns and starts without it.
# The Dockerfile runs this script when it builds the image. JAVA names the java to use.
set -euo pipefail
APP=$(cd "${1:?usage: aot-cache.sh <directory of the extracted jar>}" && pwd)
JAVA=${JAVA:-java}
[ -f "$APP/armstrace.jar" ] || { echo "$APP/armstrace.jar missing: extract the jar first (see above)" >&2; exit 2; }
# The same flags as the README's and the container's command; the cache records them.
FLAGS=(--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-modules=jdk.incubator.vector
       -Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider)
PORT=${AOT_TRAINING_PORT:-18443}
TRAINING=$(mktemp -d "${TMPDIR:-/tmp}/armstrace-aot.XXXXXX")
trap 'rm -rf "$TRAINING"' EXIT

# GET over HTTPS (self-signed certificate); prints the status code. The container image has openssl
# but no curl.
status() {
  if command -v curl > /dev/null; then
    curl -ks -o /dev/null -w '%{http_code}' "https://127.0.0.1:$PORT$1" || true
  else
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" \
      | openssl s_client -quiet -connect "127.0.0.1:$PORT" 2> /dev/null | head -n 1 | awk '{print $2}' || true
  fi
}

# A store of its own, generated passwords and certificate, no demo, no redirect port: nothing of the
# caller's installation is touched, and nothing of the training run is kept but the cache.
env -u ARMSTRACE_DEMO -u ARMSTRACE_TLS_KEYSTORE -u ARMSTRACE_NEO4J_MODE \
    ARMSTRACE_DATA_DIR="$TRAINING/data" ARMSTRACE_NEO4J_PASSWORD= ARMSTRACE_ADMIN_PASSWORD= \
    SERVER_PORT="$PORT" ARMSTRACE_HTTP_REDIRECT_PORT= ARMSTRACE_BOLT_PORT=${AOT_TRAINING_BOLT_PORT:-17699} \
    "$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$APP/armstrace.aot" -jar "$APP/armstrace.jar" > "$TRAINING/training.log" 2>&1 &
pid=$!
deadline=$((SECONDS + 600))
until [ "$(status /login)" = 200 ]; do
  if ! kill -0 $pid 2> /dev/null || [ $SECONDS -gt $deadline ]; then
    echo "The training run did not serve /login; its log:" >&2
    tail -40 "$TRAINING/training.log" >&2
    kill $pid 2> /dev/null || true
    exit 1
  fi
  sleep 0.5
done
# What the first visitor and a probe do; a second /login trains the warm path's profiles.
status /login > /dev/null
status /actuator/health/readiness > /dev/null
kill -TERM $pid
wait $pid || true
[ -s "$APP/armstrace.aot" ] || { echo "No AOT cache was written; the training log:" >&2; tail -40 "$TRAINING/training.log" >&2; exit 1; }
echo "AOT cache: $APP/armstrace.aot ($(du -h "$APP/armstrace.aot" | cut -f1))"
