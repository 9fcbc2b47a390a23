package org.ionqsdk.journey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's mock server ({@code ionq-mock serve --port 0}) on a free loopback port, for
 * one test class: started with {@link #start}, gone after {@link #close}, whichever way the
 * tests end (a JVM shutdown hook kills it if close is never reached).
 */
final class MockServer implements AutoCloseable {
  /** Python start-up and the app import; generous, so that a loaded CI machine does not flake. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern READY_LINE =
      Pattern.compile("^ionq-mock listening on (http://127\\.0\\.0\\.1:\\d+/v0\\.4)\\s*$");

  private final Process process;
  private final Thread killer;
  private final Path stderr;
  /** The base URL the mock printed, e.g. {@code http://127.0.0.1:41234/v0.4}. */
  final String baseUrl;

  private MockServer(Process process, Thread killer, Path stderr, String baseUrl) {
    this.process = process;
    this.killer = killer;
    this.stderr = stderr;
    this.baseUrl = baseUrl;
  }

  /**
   * The command that runs the mock: $IONQ_MOCK (scripts/test-java sets it), else the
   * repository's virtual environment, relative to tests/java, where Maven runs the tests.
   */
  static String command() {
    String fromEnvironment = System.getenv("IONQ_MOCK");
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    return Path.of("..", "..", ".venv", "bin", "ionq-mock").toAbsolutePath().normalize().toString();
  }

  /** Start the mock with one accepted API key and jobs that run for {@code jobDuration} s. */
  static MockServer start(String apiKey, double jobDuration) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        command(), "serve", "--host", "127.0.0.1", "--port", "0", "--api-key", apiKey,
        "--job-duration", Double.toString(jobDuration)));
    Path stderr = Files.createTempFile("ionq-mock-", ".stderr");
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    } catch (IOException e) {
      Files.deleteIfExists(stderr);
      throw e;
    }
    process.getOutputStream().close();
    Thread killer = new Thread(() -> kill(process), "ionq-mock killer");
    Runtime.getRuntime().addShutdownHook(killer);

    // Read the first line on another thread, so that the wait for it is bounded; then keep
    // reading, so that the mock never blocks on a full pipe.
    CompletableFuture<String> firstLine = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        firstLine.complete(lines.readLine());
        while (lines.readLine() != null) {
          // drained
        }
      } catch (IOException e) {
        firstLine.completeExceptionally(e);
      }
    }, "ionq-mock stdout");
    reader.setDaemon(true);
    reader.start();

    String line;
    try {
      line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new MockServer(process, killer, stderr, null)
          .failed("ionq-mock printed no first line within " + START_TIMEOUT + ": " + e);
    }
    Matcher ready = line == null ? null : READY_LINE.matcher(line);
    if (ready == null || !ready.matches()) {
      throw new MockServer(process, killer, stderr, null)
          .failed("unexpected first line from ionq-mock: " + line);
    }
    return new MockServer(process, killer, stderr, ready.group(1));
  }

  /** Stop the mock that failed to start, and say why, with the end of its stderr. */
  private IllegalStateException failed(String why) throws IOException {
    kill(process);
    String output = tail(stderr);
    close();
    return new IllegalStateException(why + output);
  }

  /** Whether the mock's process has exited. */
  boolean hasExited() {
    return !process.isAlive();
  }

  /** Stop the mock (SIGTERM, then SIGKILL after a bounded wait) and wait for it to exit. */
  @Override
  public void close() throws IOException {
    kill(process);
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
    Files.deleteIfExists(stderr);
  }

  private static void kill(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  private static String tail(Path stderr) {
    try {
      String text = Files.readString(stderr, StandardCharsets.UTF_8);
      return "\n--- ionq-mock stderr ---\n" + text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "";
    }
  }
}
