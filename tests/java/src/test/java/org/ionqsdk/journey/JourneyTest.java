package org.ionqsdk.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ionqsdk.client.ApiClient;
import org.ionqsdk.client.ApiException;
import org.ionqsdk.client.api.JobsApi;
import org.ionqsdk.client.model.ArtifactDescriptor;
import org.ionqsdk.client.model.BackendName;
import org.ionqsdk.client.model.BadRequestError;
import org.ionqsdk.client.model.CircuitInput;
import org.ionqsdk.client.model.CircuitJobCreate;
import org.ionqsdk.client.model.CircuitJobResults;
import org.ionqsdk.client.model.Job;
import org.ionqsdk.client.model.JobCanceled;
import org.ionqsdk.client.model.JobCommon;
import org.ionqsdk.client.model.JobCreate;
import org.ionqsdk.client.model.JobCreated;
import org.ionqsdk.client.model.JobDeleted;
import org.ionqsdk.client.model.JobPage;
import org.ionqsdk.client.model.JobStatus;
import org.ionqsdk.client.model.MultiCircuitInput;
import org.ionqsdk.client.model.MultiCircuitInputCircuitsInner;
import org.ionqsdk.client.model.MultiCircuitJob;
import org.ionqsdk.client.model.MultiCircuitJobCreate;
import org.ionqsdk.client.model.QisCircuitEntry;
import org.ionqsdk.client.model.QisCircuitInput;
import org.ionqsdk.client.model.QisFixedGate;
import org.ionqsdk.client.model.QisGate;
import org.ionqsdk.client.model.SingleCircuitJob;
import org.ionqsdk.client.model.UntypedJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The user journey of the other languages' tests, through the client openapi-generator made
 * from openapi.yaml (its API classes and models, its default HttpClient unchanged), against
 * ionq-mock on a free loopback port: create a Bell job, wait for it, read its probabilities,
 * a multi-circuit job, list every page, a 400 decoded with its validation keys, delete; then,
 * against a mock whose jobs run for a minute, cancel. getJob must answer the variant of the
 * `Job` anyOf that the job's type names (generated/java/pom.xml says why it does), and a job of
 * a type newer than the document must still read, as an UntypedJob (the contract's BaseJob).
 */
@Timeout(60)
class JourneyTest {
  private static final String API_KEY = "java-journey-key";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Set<JobStatus> TERMINAL =
      Set.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELED);

  /** A client of the mock at {@code baseUrl}: the generated ApiClient, plus the API key. */
  static JobsApi jobsApi(String baseUrl) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUrl);
    // The native library has no API-key support of its own: a request interceptor adds it.
    client.setRequestInterceptor(request -> request.header("Authorization", "apiKey " + API_KEY));
    client.setReadTimeout(Duration.ofSeconds(10));
    client.setConnectTimeout(Duration.ofSeconds(5));
    return new JobsApi(client);
  }

  static QisGate gate(QisFixedGate.GateEnum name, Integer control, int target) {
    return new QisGate(new QisFixedGate().gate(name).control(control).target(target));
  }

  static List<QisGate> bellCircuit() {
    return List.of(gate(QisFixedGate.GateEnum.H, null, 0), gate(QisFixedGate.GateEnum.CNOT, 0, 1));
  }

  /** A Bell job (h on 0, cnot 0 -> 1) on the ideal simulator. */
  static CircuitJobCreate bellJob(String name) {
    QisCircuitInput input = new QisCircuitInput()
        .gateset(QisCircuitInput.GatesetEnum.QIS).qubits(2).circuit(bellCircuit());
    return new CircuitJobCreate()
        .type(CircuitJobCreate.TypeEnum.IONQ_CIRCUIT_V1)
        .backend(BackendName.SIMULATOR)
        .name(name)
        .shots(1000)
        .input(new CircuitInput(input));
  }

  static String create(JobsApi jobs, CircuitJobCreate job) throws ApiException {
    JobCreated created = jobs.createJob(new JobCreate(job));
    assertNotNull(created.getId());
    return created.getId();
  }

  /**
   * A job's status, whichever variant of the `Job` anyOf the client decoded it as: every
   * variant extends JobCommon (the REF_AS_PARENT_IN_ALLOF normalizer rule).
   */
  static JobStatus status(Job job) {
    return assertInstanceOf(JobCommon.class, job.getActualInstance()).getStatus();
  }

  /** Read the job until it reaches a terminal status, for at most {@code timeout}. */
  static Job waitForJob(JobsApi jobs, String id, Duration timeout)
      throws ApiException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Job job = jobs.getJob(id);
      if (TERMINAL.contains(status(job))) {
        return job;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("job " + id + " still " + status(job) + " after " + timeout);
      }
      Thread.sleep(20);
    }
  }

  /** Probabilities {"0": 0.5, "3": 0.5}, to 1e-9. */
  static void assertBell(Map<String, BigDecimal> probabilities) {
    assertEquals(Set.of("0", "3"), probabilities.keySet(), probabilities.toString());
    assertEquals(0.5, probabilities.get("0").doubleValue(), 1e-9, probabilities.toString());
    assertEquals(0.5, probabilities.get("3").doubleValue(), 1e-9, probabilities.toString());
  }

  /** Jobs finish in 50 ms here, so waiting and listing finished jobs is quick. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class AgainstAMockWhoseJobsFinishAtOnce {
    MockServer mock;
    JobsApi jobs;

    @BeforeAll
    void start() throws Exception {
      mock = MockServer.start(API_KEY, 0.05);
      jobs = jobsApi(mock.baseUrl);
    }

    @AfterAll
    void stop() throws IOException {
      if (mock != null) {
        mock.close();
        assertTrue(mock.hasExited(), "ionq-mock still running after close");
      }
    }

    @Test
    void aBellJobCompletesWithProbabilitiesHalfAndHalf() throws Exception {
      String id = create(jobs, bellJob("bell"));
      Job job = waitForJob(jobs, id, WAIT);

      // The anyOf decodes as the variant the job's type names, with its typed fields.
      SingleCircuitJob bell = assertInstanceOf(SingleCircuitJob.class, job.getActualInstance());
      assertEquals(id, bell.getId());
      assertEquals(JobStatus.COMPLETED, bell.getStatus());
      assertEquals(SingleCircuitJob.TypeEnum.IONQ_CIRCUIT_V1, bell.getType());
      assertEquals("bell", bell.getName());
      assertNull(bell.getShots(), "`shots` is absent for a job on the ideal simulator");
      assertNotNull(bell.getOutput(), "every job carries `output`");
      assertNotNull(bell.getStats(), "every job carries `stats`");
      CircuitJobResults results = bell.getResults();
      assertNotNull(results, "a completed job names its results");
      assertEquals("/v0.4/jobs/" + id + "/results/probabilities", results.getProbabilities().getUrl());

      // The probabilities endpoint, and the same numbers in the job's v1 artifact.
      assertBell(jobs.getJobProbabilities(id, null));
      ArtifactDescriptor artifact =
          results.getAdditionalProperty("ionq.result.probabilities.json.v1");
      assertNotNull(artifact, results.toString());
      assertEquals("application/json", artifact.getMediaType());
      JsonNode content = jobs.getJobArtifact(id, artifact.getId());
      assertEquals(Set.of("0", "3"), fieldNames(content), content.toString());
      assertEquals(0.5, content.get("0").asDouble(), 1e-9);
      assertEquals(0.5, content.get("3").asDouble(), 1e-9);
    }

    @Test
    void aJobOfATypeNewerThanTheDocumentStillReadsAsAnUntypedJob() throws Exception {
      String id = create(jobs, bellJob("from the future"));
      Job job = waitForJob(jobs, id, WAIT);
      ObjectMapper mapper = new ApiClient().getObjectMapper();
      ObjectNode tree = mapper.valueToTree(job);
      assertEquals("ionq.circuit.v1", tree.get("type").asText());
      Job same = mapper.treeToValue(tree, Job.class);
      assertInstanceOf(SingleCircuitJob.class, same.getActualInstance());
      tree.put("type", "ionq.newer-than-this-document.v9");
      Job newer = mapper.treeToValue(tree, Job.class);
      UntypedJob untyped = assertInstanceOf(UntypedJob.class, newer.getActualInstance());
      assertEquals("ionq.newer-than-this-document.v9", untyped.getType());
      assertEquals(id, untyped.getId());
      assertEquals(JobStatus.COMPLETED, untyped.getStatus());
    }

    @Test
    void aMultiCircuitJobDecodesAsMultiCircuitJobWithItsChildren() throws Exception {
      MultiCircuitInput input = new MultiCircuitInput()
          .gateset(MultiCircuitInput.GatesetEnum.QIS)
          .qubits(2)
          .circuits(List.of(
              new MultiCircuitInputCircuitsInner(new QisCircuitEntry().name("bell").circuit(bellCircuit())),
              new MultiCircuitInputCircuitsInner(new QisCircuitEntry().name("x1").circuit(
                  List.of(new QisGate(new QisFixedGate().gate(QisFixedGate.GateEnum.X).target(1)))))));
      MultiCircuitJobCreate create = new MultiCircuitJobCreate()
          .type(MultiCircuitJobCreate.TypeEnum.IONQ_MULTI_CIRCUIT_V1)
          .backend(BackendName.SIMULATOR)
          .name("two circuits")
          .input(input);
      String id = jobs.createJob(new JobCreate(create)).getId();

      Job job = waitForJob(jobs, id, WAIT);
      MultiCircuitJob multi = assertInstanceOf(MultiCircuitJob.class, job.getActualInstance());
      assertEquals(JobStatus.COMPLETED, multi.getStatus());
      List<String> children = multi.getChildJobIds();
      assertNotNull(children);
      assertEquals(2, children.size(), children.toString());
      Map<String, Map<String, BigDecimal>> byChild = jobs.getJobProbabilitiesAggregated(id, null);
      assertEquals(Set.copyOf(children), byChild.keySet());
      assertBell(byChild.get(children.get(0)));
    }

    @Test
    void listingWithASmallLimitReturnsEveryJobExactlyOnce() throws Exception {
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        created.add(create(jobs, bellJob("page-" + i)));
      }
      List<String> seen = new ArrayList<>();
      int pages = 0;
      String next = null;
      do {
        JobPage page = jobs.listJobs(null, null, null, null, null, null, 2, next);
        pages += 1;
        assertTrue(pages <= 100, "more than 100 pages of 2");
        assertTrue(page.getJobs().size() <= 2, "a page of " + page.getJobs().size() + " with limit 2");
        for (UntypedJob listed : page.getJobs()) {
          assertNotNull(listed.getOutput(), "listed job " + listed.getId() + " has no output");
          seen.add(listed.getId());
        }
        next = page.getNext();
      } while (next != null);
      assertEquals(seen.size(), new HashSet<>(seen).size(), "a job listed twice: " + seen);
      assertTrue(seen.containsAll(created), "created " + created + ", listed " + seen);
      assertTrue(pages >= (seen.size() + 1) / 2, seen.size() + " jobs in " + pages + " pages");
    }

    @Test
    void zeroShotsIsA400WhoseBodyNamesShots() throws Exception {
      ApiException error = assertThrows(ApiException.class,
          () -> jobs.createJob(new JobCreate(bellJob("no shots").shots(0))));
      assertEquals(400, error.getCode());
      BadRequestError body = new ApiClient().getObjectMapper()
          .readValue(error.getResponseBody(), BadRequestError.class);
      assertEquals(400, body.getStatusCode());
      assertNotNull(body.getMessage());
      assertNotNull(body.getValidation(), error.getResponseBody());
      assertEquals(List.of("shots"), body.getValidation().getKeys(), error.getResponseBody());
    }

    @Test
    void aDeletedJobIsGone() throws Exception {
      String id = create(jobs, bellJob("to delete"));
      JobDeleted deleted = jobs.deleteJob(id);
      assertEquals(id, deleted.getId());
      assertEquals(JobDeleted.StatusEnum.DELETED, deleted.getStatus());

      ApiException missing = assertThrows(ApiException.class, () -> jobs.getJob(id));
      assertEquals(404, missing.getCode());
      org.ionqsdk.client.model.Error body = new ApiClient().getObjectMapper()
          .readValue(missing.getResponseBody(), org.ionqsdk.client.model.Error.class);
      assertEquals(404, body.getStatusCode());
      assertEquals(404, assertThrows(ApiException.class, () -> jobs.deleteJob(id)).getCode());
    }
  }

  /** Jobs run for a minute here, so a job is certainly still running when it is cancelled. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class AgainstAMockWhoseJobsRunForAMinute {
    MockServer mock;
    JobsApi jobs;

    @BeforeAll
    void start() throws Exception {
      mock = MockServer.start(API_KEY, 60);
      jobs = jobsApi(mock.baseUrl);
    }

    @AfterAll
    void stop() throws IOException {
      if (mock != null) {
        mock.close();
        assertTrue(mock.hasExited(), "ionq-mock still running after close");
      }
    }

    @Test
    void aRunningJobCanBeCancelled() throws Exception {
      String id = create(jobs, bellJob("to cancel"));
      assertFalse(TERMINAL.contains(status(jobs.getJob(id))), "the job ended before it was cancelled");

      JobCanceled canceled = jobs.cancelJob(id);
      assertEquals(id, canceled.getId());
      assertEquals(JobCanceled.StatusEnum.CANCELED, canceled.getStatus());
      Job job = waitForJob(jobs, id, Duration.ofSeconds(5));
      SingleCircuitJob single = assertInstanceOf(SingleCircuitJob.class, job.getActualInstance());
      assertEquals(JobStatus.CANCELED, single.getStatus());
      assertNull(single.getResults());
      // The probabilities of a job that never completed: 404.
      assertEquals(404, assertThrows(ApiException.class, () -> jobs.getJobProbabilities(id, null)).getCode());
    }
  }

  static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
