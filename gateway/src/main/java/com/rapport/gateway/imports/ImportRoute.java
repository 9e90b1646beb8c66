package com.rapport.gateway.imports;

import com.rapport.gateway.bodysize.BodySizeProperties;
import com.rapport.gateway.requestid.RequestId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/import}: records in bulk, NDJSON (one record a line, the body of its single
 * endpoint with a {@code type} and the ids of its path) or, with {@code ?format=csv&type=account}
 * or {@code contact}, CSV as a CRM exports it. The body streams in and the answer streams out
 * (NDJSON: each refused line, progress, a summary), while the gateway sends the lines in chunks to
 * the services that own them ({@link ImportPlan}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
public class ImportRoute {

    public static final String PATH = "/api/import";

    private static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private static final List<String> CSV_TYPES = List.of("account", "contact");
    // a chunk's body stays small for the service that reads it whole, whatever its lines
    private static final long CHUNK_BYTES = 4L << 20;

    @Bean
    RouterFunction<ServerResponse> importRouter(RouteLocator routes, ImportSettings settings,
                                                BodySizeProperties limits) {
        WebClient client = WebClient.create();
        return RouterFunctions.route(RequestPredicates.POST(PATH),
                request -> importing(request, routes, client, settings, limits.maxBodySize().toBytes()));
    }

    private static Mono<ServerResponse> importing(ServerRequest request, RouteLocator routes, WebClient client,
                                                  ImportSettings settings, long maxLineBytes) {
        boolean csv = "csv".equals(request.queryParam("format").orElse("ndjson"));
        String csvType = csv ? csvType(request) : null;
        if (!csv && !"ndjson".equals(request.queryParam("format").orElse("ndjson"))) {
            return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be ndjson or csv"));
        }
        MediaType expected = csv ? CSV : MediaType.APPLICATION_NDJSON;
        MediaType given = request.headers().contentType().orElse(null);
        if (given == null || !expected.isCompatibleWith(given)) {
            return Mono.error(new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "An import's Content-Type is " + expected + (csv ? "" : " (or text/csv with ?format=csv&type=...)")));
        }
        String requestId = request.headers().firstHeader(RequestId.HEADER);
        Mono<Map<Owner, URI>> services = routes.getRoutes().collectMap(Route::getId, Route::getUri).map(ImportRoute::owners);
        Mono<String> user = request.principal().map(Principal::getName).defaultIfEmpty("");
        return Mono.zip(services, user).flatMap(known -> {
            Upstream upstream = new Upstream(client, known.getT1(), known.getT2(), requestId, csv, settings.chunkTimeout());
            Flux<String> answer = Flux.create(sink -> {
                InputStream body = DataBufferUtils.subscriberInputStream(request.bodyToFlux(DataBuffer.class), 16);
                RecordSource source = csv ? new CsvRows(body, csvType) : new NdjsonLines(body, maxLineBytes);
                Schedulers.boundedElastic().schedule(new ImportRun(source,
                        new ImportPlan(settings.chunkLines(), CHUNK_BYTES), upstream, sink));
            });
            return ServerResponse.ok().contentType(MediaType.APPLICATION_NDJSON).body(answer, String.class);
        });
    }

    private static String csvType(ServerRequest request) {
        String type = request.queryParam("type").orElse("");
        if (!CSV_TYPES.contains(type)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A CSV import names the type of its rows: ?format=csv&type=account or type=contact");
        }
        return type;
    }

    private static Map<Owner, URI> owners(Map<String, URI> routes) {
        Map<Owner, URI> owners = new EnumMap<>(Owner.class);
        for (Owner owner : Owner.values()) {
            owners.put(owner, routes.get(owner.route));
        }
        return owners;
    }
}
