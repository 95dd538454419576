package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * HTTP/1.1 with keep-alive (java.net.http): one shared client whose connection pool grows to one
 * connection per concurrent caller. Authenticates with the local accounts the services generated.
 */
final class Api {

    /** A response as received: status and body. */
    record Response(int status, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem document's {@code code}, found without parsing the whole body. */
        String code() {
            int at = body.indexOf("\"code\":\"");
            if (at < 0) {
                return "";
            }
            int start = at + 8;
            int end = body.indexOf('"', start);
            return end < 0 ? "" : body.substring(start, end);
        }
    }

    /** A call the API refused or that failed, with what it answered. */
    static final class Failed extends RuntimeException {
        final int status;

        Failed(String call, int status, String body) {
            super(call + " → " + status + " " + body);
            this.status = status;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> authorisations = new HashMap<>();

    Api(Path accountsFile) {
        try {
            for (String line : Files.readAllLines(accountsFile)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    authorisations.put(
                            parts[1],
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    (parts[1] + ":" + parts[2]).getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the accounts file " + accountsFile, e);
        }
    }

    /** POST a JSON text; the response whatever its status. Throws IOException when nothing came back. */
    Response post(String url, String user, String json, Duration timeout) throws IOException, InterruptedException {
        return post(URI.create(url), user, json, timeout);
    }

    /** As {@link #post(String, String, String, Duration)}, to a URI parsed once by the caller. */
    Response post(URI url, String user, String json, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Authorization", authorisation(user))
                .header("Content-Type", "application/json")
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    Response get(String url, String user, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (user != null) {
            request.header("Authorization", authorisation(user));
        }
        HttpResponse<String> response =
                http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    /** POST an object as JSON and read the answer; a 4xx/5xx or no answer throws. */
    JsonNode postJson(String url, String user, Object body) {
        try {
            Response response = post(url, user, JSON.writeValueAsString(body), Duration.ofSeconds(60));
            if (!response.ok()) {
                throw new Failed("POST " + url, response.status(), response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    JsonNode getJson(String url, String user) {
        try {
            Response response = get(url, user, Duration.ofSeconds(30));
            if (!response.ok()) {
                throw new Failed("GET " + url, response.status(), response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String authorisation(String user) {
        String value = authorisations.get(user);
        if (value == null) {
            throw new IllegalArgumentException("No local account " + user + " in the accounts file");
        }
        return value;
    }
}
