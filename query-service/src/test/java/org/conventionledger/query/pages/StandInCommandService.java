package org.conventionledger.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in command-service for the pages' relay tests: it records every request it receives (what the
 * relay sent, with which credential) and answers what the test asks for, so each test shows what reached it.
 */
final class StandInCommandService {

    record Received(String method, String path, String authorization, String forwardedFor, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTERED = "{\"entryId\":\"e-1\",\"status\":\"ENTERED\"}";

    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final HttpServer server;
    private volatile int status = 201;
    private volatile String body = ENTERED;
    private volatile Map<String, String> headers = Map.of();

    private StandInCommandService() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] sent = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Forwarded-For"),
                    sent.length == 0 ? null : JSON.readTree(sent)));
            if (status < 0) {
                // a command-service that fails mid-request: the connection closes without an answer
                exchange.close();
                return;
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders()
                    .add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
            headers.forEach(exchange.getResponseHeaders()::add);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static StandInCommandService start() {
        return new StandInCommandService();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** What it answers from now on: a status (negative: no answer at all) and a JSON body. */
    void answer(int status, String body) {
        answer(status, body, Map.of());
    }

    /** As {@link #answer(int, String)}, with these headers too. */
    void answer(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    /** Forgets what it received and answers 201 with an entered tally again. */
    void reset() {
        received.clear();
        answer(201, ENTERED);
    }

    void stop() {
        server.stop(0);
    }
}
