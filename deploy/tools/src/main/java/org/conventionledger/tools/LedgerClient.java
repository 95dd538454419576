package org.conventionledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

/** A small client of the ledger's REST API, authenticating with the local accounts file. */
public class LedgerClient {

    /** A request the API refused, with its problem document. */
    public static class Rejected extends RuntimeException {
        private final int status;
        private final JsonNode problem;

        Rejected(String request, int status, JsonNode problem) {
            super(request + " → " + status + " " + problem);
            this.status = status;
            this.problem = problem;
        }

        public int status() {
            return status;
        }

        public JsonNode problem() {
            return problem;
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final Map<String, String> credentials;

    public LedgerClient(Path accountsFile) {
        this.credentials = readAccounts(accountsFile);
    }

    public JsonNode post(String url, String username, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", basic(username))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            return send("POST " + url, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts a CSV document (e.g. a resident list). */
    public JsonNode postCsv(String url, String username, String csv) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(username))
                .header("Content-Type", "text/csv; charset=utf-8")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build();
        return send("POST " + url, request);
    }

    /** Sends a PUT with a JSON body. */
    public JsonNode put(String url, String username, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", basic(username))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            return send("PUT " + url, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode get(String url, String username) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (username != null) {
            request.header("Authorization", basic(username));
        }
        return send("GET " + url, request.build());
    }

    private JsonNode send(String description, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? json.nullNode() : json.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new Rejected(description, response.statusCode(), body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(description + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description + " interrupted", e);
        }
    }

    private String basic(String username) {
        String password = credentials.get(username);
        if (password == null) {
            throw new IllegalArgumentException("No local account " + username + " in the accounts file");
        }
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> readAccounts(Path file) {
        try {
            Map<String, String> accounts = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 3) {
                    accounts.put(parts[1], parts[2]);
                }
            }
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the accounts file " + file, e);
        }
    }
}
