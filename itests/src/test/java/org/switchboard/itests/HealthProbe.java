package org.switchboard.itests;

import java.net.http.HttpResponse;

/** Asks the health endpoint whether the appliance is UP and remembers the last answer, to explain a time-out. */
final class HealthProbe {

    private final Http http;
    private volatile String lastAnswer = "health never answered";

    HealthProbe(Http http) {
        this.http = http;
    }

    boolean isUp() throws Exception {
        HttpResponse<String> response;
        try {
            response = http.get("/api/v1/health", null);
        } catch (Exception unreachable) {
            lastAnswer = "health unreachable: " + unreachable;
            throw unreachable;
        }
        lastAnswer = "last health answer " + response.statusCode() + " (" + missingPart(response) + "): "
                + response.body();
        return response.statusCode() == 200;
    }

    /** The last status code and body, or why there was none. */
    String lastAnswer() {
        return lastAnswer;
    }

    /** Whether the REST application was the part missing, as far as one answer tells. */
    private static String missingPart(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() == 200) {
            return "UP";
        }
        if (!body.contains("\"status\"")) {
            // Not the health resource's JSON: /api or the health resource itself is not served.
            return "REST application missing: /api/v1/health is not served";
        }
        return body.contains("\"api\":\"DOWN\"") ? "REST application part missing, see apiDetail and down"
                : "REST application complete; see down";
    }
}
