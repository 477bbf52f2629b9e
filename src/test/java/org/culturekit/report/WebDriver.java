package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal W3C WebDriver client for one chromedriver process and one Chromium session. Every HTTP call has a
 * timeout bounded by the test class's overall deadline; {@link #close} always ends the session, chromedriver and
 * every process it started.
 */
final class WebDriver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final HttpClient http;
    private final Path profile;
    private final Thread killer;
    private final Instant deadline;
    private String session;

    private WebDriver(Process process, int port, Path profile, Instant deadline) {
        this.process = process;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.profile = profile;
        this.deadline = deadline;
        // if the JVM is stopped mid-test, take chromedriver and Chromium with it
        this.killer = new Thread(this::kill, "chromedriver-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static WebDriver start(Path chromedriver, Path log, Instant deadline) throws Exception {
        Path profile = Files.createTempDirectory("culturekit-chromium-");
        int port = freePort();
        // Without --allowed-ips chromedriver listens on the loopback interfaces only (127.0.0.1 and ::1);
        // passing --allowed-ips would make it listen on every interface.
        Process process = new ProcessBuilder(chromedriver.toString(), "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        WebDriver driver = new WebDriver(process, port, profile, deadline);
        try {
            driver.awaitReady(log);
            driver.newSession();
            return driver;
        } catch (Exception | AssertionError e) {
            driver.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady(Path log) throws Exception {
        Instant until = earlier(Instant.now().plusSeconds(20), deadline);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                fail("chromedriver exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                if (call("GET", "/status", null, Duration.ofSeconds(2)).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException | AssertionError notYet) {
                // not listening, or not answering, yet
            }
            Thread.sleep(100);
        }
        fail("chromedriver did not become ready; see " + log);
    }

    private void newSession() throws Exception {
        Map<String, Object> chrome = Map.of("args", List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("browserName", "chrome");
        capabilities.put("goog:chromeOptions", chrome);
        capabilities.put("goog:loggingPrefs", Map.of("browser", "ALL", "performance", "ALL"));
        capabilities.put("pageLoadStrategy", "normal");
        capabilities.put("timeouts", Map.of("pageLoad", 20_000, "script", 10_000, "implicit", 0));
        JsonNode value = call("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", capabilities)));
        session = value.get("sessionId").asText();
    }

    /**
     * Why the browser tests cannot run here, or null when they can. On CI a missing chromedriver fails instead,
     * so that a broken runner image cannot pass by skipping.
     */
    static String unavailable(Path chromedriver, String testClass) {
        if (Files.isExecutable(chromedriver)) {
            return null;
        }
        String message = chromedriver + " is missing, so the reports cannot be opened in a real browser";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + ". On CI, .ci/run must install the Debian packages chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver) before running Maven.");
        }
        return message + "; install chromium and chromium-driver (Debian/Ubuntu: apt-get install "
                + "chromium chromium-driver) to run " + testClass + ". Skipped.";
    }

    /** Runs a Chrome DevTools Protocol command in the session's page and returns its result. */
    JsonNode devTools(String cmd, Map<String, Object> params) throws Exception {
        return command("POST", "/goog/cdp/execute", Map.of("cmd", cmd, "params", params));
    }

    /** A PNG of the viewport. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(command("GET", "/screenshot", null).asText());
    }

    JsonNode execute(String script) throws Exception {
        return command("POST", "/execute/sync", Map.of("script", script, "args", List.of()));
    }

    List<JsonNode> log(String type) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        command("POST", "/se/log", Map.of("type", type)).forEach(entries::add);
        return entries;
    }

    JsonNode command(String method, String path, Object body) throws Exception {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        return call(method, path, body, remaining(Duration.ofSeconds(20)));
    }

    /** Sends one command and returns its {@code value}, failing with WebDriver's error if it has one. */
    private JsonNode call(String method, String path, Object body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, publisher)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("WebDriver " + method + " " + path + " got no answer within "
                    + timeout.toMillis() + " ms (the test class must finish by " + deadline + ")", e);
        }
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new AssertionError("WebDriver " + method + " " + path + " failed with HTTP "
                    + response.statusCode() + ": " + value.path("error").asText() + ": "
                    + value.path("message").asText());
        }
        return value;
    }

    private Duration remaining(Duration most) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new AssertionError("the browser test ran past its overall deadline, " + deadline);
        }
        return left.compareTo(most) < 0 ? left : most;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Ends the session (Chromium quits), then chromedriver, then anything either left behind. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        if (session != null) {
            try {
                // cleanup gets its own short timeout, even after the deadline
                call("DELETE", "/session/" + session, null, Duration.ofSeconds(10));
            } catch (IOException | AssertionError | RuntimeException e) {
                // chromedriver may already be gone; the processes are killed below either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session = null;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill(children);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        deleteQuietly(profile);
    }

    private void kill() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        kill(children);
    }

    private static void kill(List<ProcessHandle> processes) {
        for (ProcessHandle handle : processes) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // gone, or not ours to wait for any longer
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
