# syntax=docker/dockerfile:1
#
# One recipe for every Kaizen service image, and for the database migrator.
#
#   docker build --build-arg SERVICE=auth-service --build-arg SERVER_PORT=8081 -t kaizen/auth-service:0.1.0-SNAPSHOT .
#   docker build --target migrator -t kaizen/db-migrations:0.1.0-SNAPSHOT .
#
# The jar is built inside the image from the sources (Maven on JDK 25, `-pl <module> -am`, tests
# skipped: CI runs them), so a clean checkout is all a build needs; BuildKit keeps ~/.m2 in a cache
# mount between builds. docker-compose.yml builds every image this way.
#
# Runtime: Temurin 25 JRE, non-root user 10001, the Boot jar extracted into its layers
# (dependencies change rarely and stay cached; the application layer is small) and started
# through Boot's JarLauncher.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-25
ARG JRE_IMAGE=eclipse-temurin:25-jre

# ---- sources: the whole reactor (every module's pom must be present for -pl/-am) ----
FROM ${MAVEN_IMAGE} AS sources
WORKDIR /src
COPY . .

# ---- service-build: one service's fat jar, extracted into Boot's layers under /layers ----
FROM sources AS service-build
ARG SERVICE
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    : "${SERVICE:?build with --build-arg SERVICE=<module>, e.g. auth-service}" \
 && mvn -B -q -pl "${SERVICE}" -am package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar "${SERVICE}"/target/"${SERVICE}"-*.jar \
        extract --layers --launcher --destination /layers \
 && mkdir -p /layers/dependencies /layers/spring-boot-loader /layers/snapshot-dependencies /layers/application

# ---- migrator-build: the runnable migrator jar ----
FROM sources AS migrator-build
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -pl db-migrations -am package -Dmaven.test.skip=true \
 && cp db-migrations/target/db-migrations-*-exec.jar /migrator.jar

# ---- runtime-base: JRE, curl for the health check, the unprivileged user ----
FROM ${JRE_IMAGE} AS runtime-base
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 kaizen \
 && useradd --system --uid 10001 --gid kaizen --home-dir /app --no-create-home --shell /usr/sbin/nologin kaizen
WORKDIR /app

# ---- migrator: a one-shot that brings every schema up to date and exits ----
FROM runtime-base AS migrator
COPY --from=migrator-build /migrator.jar /app/migrator.jar
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/migrator.jar"]

# ---- service (default target): one Spring Boot service ----
FROM runtime-base AS service
ARG SERVICE
# The port the service listens on and the health check probes (SERVER_PORT may be overridden at run time).
ARG SERVER_PORT=8080
ENV SERVER_PORT=${SERVER_PORT}
LABEL org.opencontainers.image.title="kaizen-${SERVICE}"
# Least-changing layers first. Files stay root-owned and read-only to the user that runs them;
# Spring reads optional extra configuration from /app/config (WORKDIR-relative ./config/).
COPY --from=service-build /layers/dependencies/ ./
COPY --from=service-build /layers/spring-boot-loader/ ./
COPY --from=service-build /layers/snapshot-dependencies/ ./
COPY --from=service-build /layers/application/ ./
USER 10001:10001
EXPOSE ${SERVER_PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
