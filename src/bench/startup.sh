#!/usr/bin/env bash
# Start-up benchmark for the production jar (issue: foundation). Prints, per variant and store:
# seconds from process start to the first HTTP 200 from /login, idle RSS, and heap used after a full GC.
#
#   ./mvnw -B -Pproduction -DskipTests package && bash src/bench/startup.sh [seed-firearms]
#
# Stores: "empty" (a new data directory, so Neo4j creates its store) and "data" (the same store after
# seeding N firearms with one marking each, default 200000, then restarting).
# Variants: the fat jar as built; the jar extracted with Spring Boot's tools mode; extracted plus a
# JDK 25 AOT cache recorded in a training run (-XX:AOTCacheOutput, JEP 514/515).
set -uo pipefail
cd "$(dirname "$0")/../.."
SEED=${1:-200000}
JAR=target/armstrace.jar
[ -f "$JAR" ] || { echo "Build first: ./mvnw -B -Pproduction -DskipTests package" >&2; exit 2; }
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
FLAGS=(--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-modules=jdk.incubator.vector
       -Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider)
WORK=$(mktemp -d /tmp/armstrace-bench.XXXXXX)
PORT=18080
BOLT=17687
PASSWORD=bench-neo4j-password
export ARMSTRACE_NEO4J_PASSWORD=$PASSWORD ARMSTRACE_ADMIN_PASSWORD=bench-first-chief-pw SERVER_PORT=$PORT ARMSTRACE_HTTP_REDIRECT_PORT= ARMSTRACE_BOLT_PORT=$BOLT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA" -version 2>&1 | head -1)"
echo "jar: $(du -h "$JAR" | cut -f1); work dir $WORK"

# Starts the app, waits for /login to answer 200, idles, samples memory, stops it. Prints one line.
run() { # label data-dir java-args...
  local label=$1 data=$2; shift 2
  local log="$WORK/$label.log"
  local t0 pid secs rss heap
  t0=$(date +%s.%N)
  ARMSTRACE_DATA_DIR=$data "$JAVA" "${FLAGS[@]}" "$@" > "$log" 2>&1 &
  pid=$!
  until curl -kfs -o /dev/null "https://127.0.0.1:$PORT/login"; do
    kill -0 $pid 2>/dev/null || { echo "$label: process died, see $log" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')
  sleep 15
  rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status)
  "$JCMD" $pid GC.run > /dev/null
  heap=$("$JCMD" $pid GC.heap_info | awk '/garbage-first heap/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub(/K,?/,"",v); printf "%.0f", v/1024}}')
  printf "%-34s first 200 from /login: %6.2f s   idle RSS: %5s MB   heap after GC: %4s MB\n" "$label" "$secs" "$rss" "$heap"
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

# Variants share the store layout; each gets its own copy so that "empty" really is empty.
mkdir -p "$WORK/extracted"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" > /dev/null
EXTRACTED="$WORK/extracted/armstrace.jar"

# AOT cache training run: start, serve the login page once, stop (the cache is written at exit).
ARMSTRACE_DATA_DIR="$WORK/train" "$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$WORK/app.aot" -jar "$EXTRACTED" > "$WORK/train.log" 2>&1 &
tp=$!
until curl -kfs -o /dev/null "https://127.0.0.1:$PORT/login"; do kill -0 $tp 2>/dev/null || { tail -20 "$WORK/train.log"; exit 1; }; sleep 0.2; done
curl -ks -o /dev/null "https://127.0.0.1:$PORT/actuator/health" || true
kill -TERM $tp; wait $tp 2>/dev/null || true   # the cache is assembled at exit, which takes a while
echo "AOT cache: $(du -h "$WORK/app.aot" | cut -f1)"

echo "--- empty store ---"
run "fat jar, empty store"          "$WORK/empty-fat"  -jar "$JAR"
run "extracted, empty store"        "$WORK/empty-ext"  -jar "$EXTRACTED"
run "extracted+AOT, empty store"    "$WORK/empty-aot"  -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED"

echo "--- store with data: seeding $SEED firearms ---"
ARMSTRACE_DATA_DIR="$WORK/data" "$JAVA" "${FLAGS[@]}" -jar "$JAR" > "$WORK/seed-app.log" 2>&1 &
sp=$!
until curl -kfs -o /dev/null "https://127.0.0.1:$PORT/login"; do sleep 0.2; done
CP=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeGroupIds=org.neo4j.driver,org.reactivestreams -Dmdep.outputFile=/dev/stdout 2>/dev/null)
"$JAVA" -cp "$CP" src/bench/SeedGraph.java "bolt://127.0.0.1:$BOLT" "$PASSWORD" "$SEED"
kill -TERM $sp; wait $sp 2>/dev/null || true
echo "store size: $(du -sh "$WORK/data/graph" | cut -f1)"
run "fat jar, store with data"      "$WORK/data" -jar "$JAR"
run "extracted, store with data"    "$WORK/data" -jar "$EXTRACTED"
run "extracted+AOT, store with data" "$WORK/data" -XX:AOTCache="$WORK/app.aot" -jar "$EXTRACTED"

rm -rf "$WORK"
