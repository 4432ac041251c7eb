#!/usr/bin/env bash
# Start-up benchmark for the production jar (issue 29). Prints, per launch and store, the median of
# RUNS runs (default 3) of: seconds from launching java to the first HTTP 200 from /login, idle RSS
# 30 s after that, and heap used after a full GC.
#
#   ./mvnw -B -Pproduction -DskipTests package
#   bash src/bench/startup.sh [empty|demo|all] [runs]        # under flock /tmp/maven.lock on the shared machine
#   DEMO_STORE=<data dir an ARMSTRACE_DEMO=true start filled> bash src/bench/startup.sh demo   # reuse a demo store
#   TRY_FLAGS="<JVM flags>" ...     adds a third launch: jar+AOT with these flags (a candidate setting)
#   JAR=<another production jar> ...                            measures that jar instead of target/armstrace.jar
#   KEEP_LOGS=<dir> ...             keeps each run's application log and Neo4j debug.log there
#   APP_DIR=<the jar extracted, with armstrace.aot from src/build/aot-cache.sh> ...             # reuse a cache
#
# Launches:
#   jar        java <flags> -jar target/armstrace.jar, as the README runs it;
#   jar+AOT    the jar extracted with Spring Boot's tools mode and started with a JDK 25 AOT cache
#              recorded by src/build/aot-cache.sh, as the container image runs it.
# Stores:
#   empty      a new data directory each run: Neo4j creates its store, migrations, TLS certificate;
#   demo       a copy, each run, of a store that ARMSTRACE_DEMO=true filled (made once, untimed),
#              started with the switch still on, as the demo's users do.
set -uo pipefail
cd "$(dirname "$0")/../.."
STORES=${1:-all}
RUNS=${2:-3}
JAR=${JAR:-target/armstrace.jar}   # JAR=<another build> measures that one (e.g. the code before a change)
[ -f "$JAR" ] || { echo "Build first: ./mvnw -B -Pproduction -DskipTests package" >&2; exit 2; }
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
FLAGS=(--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-modules=jdk.incubator.vector
       -Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider)
WORK=$(mktemp -d /tmp/armstrace-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PORT=18080
export ARMSTRACE_NEO4J_PASSWORD=bench-neo4j-password ARMSTRACE_ADMIN_PASSWORD=bench-first-chief-pw SERVER_PORT=$PORT \
       ARMSTRACE_HTTP_REDIRECT_PORT= ARMSTRACE_BOLT_PORT=17687
unset ARMSTRACE_DEMO

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1)"
echo "jar: $(du -h "$JAR" | cut -f1); work dir $WORK"

# Starts the app, waits for /login to answer 200, idles 30 s, samples memory, stops it.
# Appends "seconds rss heap" to $WORK/<key>.txt.
run() { # key data-dir java-args...
  local key=$1 data=$2; shift 2
  local log="$WORK/$key.log" t0 pid secs rss heap
  t0=$(date +%s.%N)
  ARMSTRACE_DATA_DIR=$data "$JAVA" "${FLAGS[@]}" "$@" > "$log" 2>&1 &
  pid=$!
  until curl -kfs -o /dev/null "https://127.0.0.1:$PORT/login"; do
    kill -0 $pid 2>/dev/null || { echo "$key: process died, see its log:" >&2; tail -20 "$log" >&2; return 1; }
    sleep 0.05
  done
  secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')
  sleep 30
  rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status)
  "$JCMD" $pid GC.run > /dev/null
  heap=$("$JCMD" $pid GC.heap_info | awk '/garbage-first heap/{for(i=1;i<=NF;i++) if($i=="used"){v=$(i+1); sub(/K,?/,"",v); printf "%.0f", v/1024}}')
  echo "  $key run: $secs s, RSS $rss MB, heap after GC $heap MB"
  phases "$log" "$t0"
  if [ -n "${KEEP_LOGS:-}" ]; then   # the application's and Neo4j's logs of each run, for a closer look
    local n=0; [ -f "$WORK/$key.txt" ] && n=$(wc -l < "$WORK/$key.txt")
    mkdir -p "$KEEP_LOGS" && cp "$log" "$KEEP_LOGS/$key-$((n + 1)).log"
    find "$data" -name debug.log -exec cp {} "$KEEP_LOGS/$key-$((n + 1)).neo4j-debug.log" \; -quit
  fi
  echo "$secs $rss $heap" >> "$WORK/$key.txt"
  kill -TERM $pid; wait $pid 2>/dev/null || true
}

# Seconds since launch at which the application's log reached each milestone of the start.
phases() { # log t0
  local line at out=""
  for mark in "Starting ArmsTraceApplication:spring" "Embedded Neo4j databases up:neo4j-dbs" \
              "Embedded Neo4j started:neo4j-ready" "Applied graph migration V1 :first-migration" \
              "Applied graph migration:last-migration" "Tomcat started:tomcat" "Started ArmsTraceApplication:context"; do
    line=$(grep -F "${mark%%:*}" "$1" | { [ "${mark##*:}" = last-migration ] && tail -1 || head -1; })
    [ -n "$line" ] || continue
    at=$(date -d "$(cut -d' ' -f1 <<< "$line")" +%s.%N 2> /dev/null) || continue
    out+=$(awk -v n="${mark##*:}" -v a="$2" -v b="$at" 'BEGIN{printf " %s %.1f", n, b-a}')
  done
  echo "    phases (s since launch):$out"
}

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
summary() { # key label
  local f="$WORK/$1.txt"
  [ -s "$f" ] || return 0
  printf "%-22s first 200 from /login: %6s s   idle RSS: %5s MB   heap after GC: %4s MB   (median of %d)\n" "$2" \
    "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(wc -l < "$f")"
}

# The launch the container uses: extracted, with a cache recorded in a training run.
# APP_DIR reuses a directory extracted from this jar with its armstrace.aot (saves a training run).
APP=${APP_DIR:-$WORK/app}
if [ ! -s "$APP/armstrace.aot" ]; then
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" > /dev/null
  JAVA="$JAVA" bash src/build/aot-cache.sh "$APP" || exit 1
fi
AOT=(-XX:AOTCache="$APP/armstrace.aot" -jar "$APP/armstrace.jar")

if [ "$STORES" = empty ] || [ "$STORES" = all ]; then
  for i in $(seq "$RUNS"); do
    run empty-jar "$WORK/empty-jar-$i" -jar "$JAR"
    run empty-aot "$WORK/empty-aot-$i" "${AOT[@]}"
    # shellcheck disable=SC2086
    [ -z "${TRY_FLAGS:-}" ] || run empty-try "$WORK/empty-try-$i" $TRY_FLAGS "${AOT[@]}"
  done
fi

if [ "$STORES" = demo ] || [ "$STORES" = all ]; then
  if [ -n "${DEMO_STORE:-}" ]; then
    cp -a "$DEMO_STORE" "$WORK/demo"   # made beforehand (untimed), e.g. outside the lock under nice -n 19
  else
    start=$SECONDS
    ARMSTRACE_DEMO=true ARMSTRACE_DATA_DIR="$WORK/demo" "$JAVA" "${FLAGS[@]}" -jar "$JAR" > "$WORK/demo-load.log" 2>&1 &
    dp=$!
    until grep -q "Demo data loaded" "$WORK/demo-load.log"; do
      kill -0 $dp 2>/dev/null || { echo "demo load died:" >&2; tail -20 "$WORK/demo-load.log" >&2; exit 1; }
      sleep 1
    done
    kill -TERM $dp; wait $dp 2>/dev/null || true
    echo "demo store made in $((SECONDS - start)) s"
  fi
  echo "demo store: $(du -sh "$WORK/demo/graph" | cut -f1)"
  for i in $(seq "$RUNS"); do
    cp -a "$WORK/demo" "$WORK/demo-jar-$i"
    ARMSTRACE_DEMO=true run demo-jar "$WORK/demo-jar-$i" -jar "$JAR"
    cp -a "$WORK/demo" "$WORK/demo-aot-$i"
    ARMSTRACE_DEMO=true run demo-aot "$WORK/demo-aot-$i" "${AOT[@]}"
    if [ -n "${TRY_FLAGS:-}" ]; then   # a candidate setting, measured beside the shipped launch
      cp -a "$WORK/demo" "$WORK/demo-try-$i"
      # shellcheck disable=SC2086
      ARMSTRACE_DEMO=true run demo-try "$WORK/demo-try-$i" $TRY_FLAGS "${AOT[@]}"
    fi
  done
fi

echo "--- medians ---"
summary empty-jar "jar, empty store"
summary empty-aot "jar+AOT, empty store"
summary demo-jar "jar, demo store"
summary demo-aot "jar+AOT, demo store"
summary empty-try "jar+AOT+TRY, empty"
summary demo-try "jar+AOT+TRY, demo"
[ -z "${TRY_FLAGS:-}" ] || echo "TRY_FLAGS: $TRY_FLAGS"
