package org.conventionledger.query.pages.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /api-docs}: the operations of both services, read from their OpenAPI documents
 * ({@code /v3/api-docs}), for the city's developers, with links to the documents themselves. The
 * command-service's address is {@code ledger.command-url}; a document that cannot be read is said so.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class ApiDocsPage {

    public record Operation(String method, String path, String summary) {}

    public record Service(String name, String document, List<Operation> operations, boolean unreachable) {}

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json;
    private final String commandUrl;
    private final int port;
    /** A running service's document does not change: read once per service. */
    private final Map<String, List<Operation>> read = new ConcurrentHashMap<>();

    public ApiDocsPage(
            ObjectMapper json,
            @Value("${ledger.command-url:http://localhost:8081}") String commandUrl,
            @Value("${server.port:8082}") int port) {
        this.json = json;
        this.commandUrl = commandUrl;
        this.port = port;
    }

    @GetMapping("/api-docs")
    public String explorer(Model model) {
        model.addAttribute(
                "services",
                List.of(
                        service("command-service", commandUrl + "/v3/api-docs"),
                        service("query-service", "http://localhost:" + port + "/v3/api-docs")));
        return "pages/api-docs";
    }

    private Service service(String name, String document) {
        List<Operation> operations = read.get(document);
        if (operations == null) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(document))
                                // a service generates its document on the first request: seconds on a busy machine
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    return new Service(name, document, List.of(), true);
                }
                operations = operations(json.readTree(answer.body()));
                read.put(document, operations);
            } catch (IOException unreachable) {
                return new Service(name, document, List.of(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Service(name, document, List.of(), true);
            }
        }
        return new Service(name, document, operations, false);
    }

    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    String summary = operation
                            .path("summary")
                            .asText(operation.path("operationId").asText(""));
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), summary));
                }
            }
        }
        operations.sort((a, b) -> a.path().equals(b.path())
                ? a.method().compareTo(b.method())
                : a.path().compareTo(b.path()));
        return operations;
    }
}
