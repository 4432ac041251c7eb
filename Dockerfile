# syntax=docker/dockerfile:1
# ArmsTrace container image: builds the production jar, then runs it on a JRE as a non-root user.
#   docker build -t armstrace .
#   docker compose up --build        (with an external Neo4j, see docker-compose.yml)

# ---- build ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps downloaded dependencies between builds; it is not part of the image.
# The image has no curl/wget/unzip: mvnw then fetches Maven with Java itself (a .tar.gz).
# The build fetches Node 24 + npm 11 into /root/.cache/armstrace (src/build/node-toolchain.xml).
# npm runs a few packages' install scripts with the node on PATH, and this image has none: put
# the fetched one there (the version in the folder name is armstrace.node.version in pom.xml).
ENV PATH=/root/.cache/armstrace/node-v24.21.0-npm-11.21.2/bin:$PATH
RUN --mount=type=cache,target=/root/.m2 \
    --mount=type=cache,target=/root/.cache/armstrace \
    --mount=type=cache,target=/root/.npm \
    ./mvnw -B -Pproduction -DskipTests package \
 && test -f target/armstrace.jar \
 && java -Djarmode=tools -jar target/armstrace.jar extract --destination target/app

# ---- runtime ----
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 armstrace \
 && useradd --system --uid 10001 --gid armstrace --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin armstrace \
 && mkdir -p /app /data \
 && chown armstrace:armstrace /data
# The jar extracted by Spring Boot's tools mode (the application in /app/armstrace.jar, its
# libraries as plain jars in /app/lib), so that the JVM's AOT cache can hold their classes.
COPY --from=build /src/target/app /app
COPY src/build/aot-cache.sh /tmp/aot-cache.sh
# A JDK 25 AOT cache recorded in a training run on this very JRE: the JVM then starts with the
# application's classes already loaded and linked, which more than halves the start-up (README,
# "Start-up speed"). The training run uses a throwaway data directory and passwords of its own;
# only /app/armstrace.aot is kept.
RUN bash /tmp/aot-cache.sh /app \
 && rm /tmp/aot-cache.sh

# The data directory: the embedded store (<dir>/graph), the Bolt password file, the generated
# TLS keystore (<dir>/tls) and photos.
# A new named volume copies this directory's owner, so the non-root user can write to it.
ENV ARMSTRACE_DATA_DIR=/data
VOLUME /data

USER armstrace
WORKDIR /app
# HTTPS (a self-signed certificate is generated into /data/tls on the first start unless
# ARMSTRACE_TLS_KEYSTORE names one) and the plain-HTTP port that only redirects to it.
EXPOSE 8443 8080

# The image has neither curl nor wget, but openssl (a dependency of ca-certificates) speaks TLS.
# Liveness, not the whole health: it answers 200 while the process can serve, whereas
# /actuator/health turns 503 when the database is away, and an unhealthy container gets restarted
# by orchestrators, which cures no database outage. The first start creates the store: be patient.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' | openssl s_client -quiet -connect 127.0.0.1:8443 2>/dev/null | head -n 1 | grep -q ' 200 '"]

# The flags quiet embedded Neo4j on JDK 25 and keep Logback the only SLF4J provider.
# The G1 flags give the heap that start-up grew (to 1.2 GB for 80-100 MB of live data) back
# when idle: idle RSS 731 -> 576 MB on the demo store (src/bench/README.md, 2026-12-07).
ENTRYPOINT ["java", \
    "--enable-native-access=ALL-UNNAMED", \
    "--add-opens=java.base/java.nio=ALL-UNNAMED", \
    "--add-modules=jdk.incubator.vector", \
    "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider", \
    "-XX:MaxRAMPercentage=60", \
    "-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", \
    "-XX:AOTCache=/app/armstrace.aot", \
    "-jar", "/app/armstrace.jar"]
