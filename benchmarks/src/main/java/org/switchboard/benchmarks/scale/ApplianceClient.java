package org.switchboard.benchmarks.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** REST calls to the appliance as one HTTP Basic user, each timed and counted by kind. */
final class ApplianceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private final RequestLatencies latencies;

    ApplianceClient(URI base, String user, String password, RequestLatencies latencies) {
        // HTTP/1.1 with a connection per worker thread, as a plain integration would talk to it.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.latencies = latencies;
    }

    HttpClient http() {
        return http;
    }

    String authorization() {
        return authorization;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** Sends a JSON body; answers the response body, or null when the answer was not 2xx (counted as a failure). */
    String send(String kind, String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json)).build();
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.record(kind, System.nanoTime() - began);
            if (response.statusCode() / 100 != 2) {
                latencies.failed(kind, response.statusCode());
                return null;
            }
            return response.body();
        } catch (IOException e) {
            latencies.failed(kind, 0);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A GET, untimed: for checks outside the measured phases. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Authorization", authorization)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
