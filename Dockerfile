# One image recipe for every component; docker-compose.yml names the module and its port:
#   docker build --build-arg MODULE=accounts-service --build-arg PORT=8081 .
# The repository root is the context.

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
# the Maven wrapper downloads Maven with curl or wget
RUN command -v curl >/dev/null || command -v wget >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /workspace
COPY . .
RUN test -n "${MODULE}" && ./mvnw -q -B -DskipTests -pl "${MODULE}" -am package \
    && cp "${MODULE}/target/${MODULE}-"*.jar /workspace/app.jar

FROM eclipse-temurin:17-jre
ARG PORT
# curl for the health check
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --no-create-home --uid 10001 rapport && mkdir /data && chown rapport /data
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
USER rapport
# SERVER_PORT overrides each component's own port setting; every address is reachable from
# the other containers (the launcher keeps the services on loopback)
ENV SERVER_PORT=${PORT} RAPPORT_BIND_ADDRESS=0.0.0.0 RAPPORT_GATEWAY_BIND_ADDRESS=0.0.0.0
EXPOSE ${PORT}
# readiness, not the overall health: a read model holding dead letters reads DOWN there, but the
# component takes requests, and those who depend on it must start
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1
# JVM options: JAVA_TOOL_OPTIONS, which the JVM reads by itself
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
