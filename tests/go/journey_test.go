// Package journey runs the user journey through the Go client that oapi-codegen generated
// from openapi.yaml (generated/go), against the mock server on a free loopback port: create a
// Bell job, wait for it, read its probabilities, list every page, a 400 with its validation
// keys, delete; and, against a mock whose jobs run for a minute, cancel.
package journey

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	ionq "ionq-sdk/go/ionq"
)

const (
	apiKey = "go-journey-key"
	// Every request and every wait is bounded.
	requestTimeout = 10 * time.Second
	waitTimeout    = 15 * time.Second
	pollInterval   = 20 * time.Millisecond
)

// newClient builds the generated client for a mock, sending the key as IonQ expects
// (`Authorization: apiKey <key>`; oapi-codegen leaves authentication to a request editor).
func newClient(t *testing.T, baseURL, key string) *ionq.ClientWithResponses {
	t.Helper()
	client, err := ionq.NewClientWithResponses(baseURL,
		ionq.WithHTTPClient(&http.Client{Timeout: requestTimeout}),
		ionq.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "apiKey "+key)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// bellJob is a Bell circuit on the (ideal) simulator: h on qubit 0, cnot 0 -> 1.
func bellJob(t *testing.T, name string, shots int) ionq.JobCreate {
	t.Helper()
	q0, q1 := ionq.QubitIndex(0), ionq.QubitIndex(1)
	var h, cnot ionq.QisGate
	must(t, h.FromQisFixedGate(ionq.QisFixedGate{Gate: "h", Target: &q0}))
	must(t, cnot.FromQisFixedGate(ionq.QisFixedGate{Gate: "cnot", Control: &q0, Target: &q1}))
	qubits := ionq.QubitCount(2)
	var input ionq.CircuitInput
	must(t, input.FromQisCircuitInput(ionq.QisCircuitInput{
		Gateset: "qis", Qubits: &qubits, Circuit: ionq.QisCircuit{h, cnot},
	}))
	var job ionq.JobCreate
	// FromCircuitJobCreate writes the discriminator, `type: ionq.circuit.v1`, itself.
	must(t, job.FromCircuitJobCreate(ionq.CircuitJobCreate{
		Backend: "simulator", Name: &name, Shots: &shots, Input: input,
	}))
	return job
}

func createJob(t *testing.T, client *ionq.ClientWithResponses, name string) string {
	t.Helper()
	created, err := client.CreateJobWithResponse(context.Background(), bellJob(t, name, 100))
	if err != nil {
		t.Fatalf("create %q: %v", name, err)
	}
	if created.StatusCode() != http.StatusCreated || created.JSON201 == nil {
		t.Fatalf("create %q: %d %s", name, created.StatusCode(), created.Body)
	}
	return created.JSON201.ID
}

// getJob reads one job as the BaseJob every variant of the `Job` union is: the union has no
// discriminator, so its `type` says which As<Variant> to read it as.
func getJob(t *testing.T, client *ionq.ClientWithResponses, id string) (ionq.Job, ionq.BaseJob) {
	t.Helper()
	got, err := client.GetJobWithResponse(context.Background(), id)
	if err != nil {
		t.Fatalf("get %s: %v", id, err)
	}
	if got.StatusCode() != http.StatusOK || got.JSON200 == nil {
		t.Fatalf("get %s: %d %s", id, got.StatusCode(), got.Body)
	}
	base, err := got.JSON200.AsBaseJob()
	if err != nil {
		t.Fatalf("get %s: not a BaseJob: %v", id, err)
	}
	return *got.JSON200, base
}

var terminal = []ionq.JobStatus{ionq.JobStatusCompleted, ionq.JobStatusFailed, ionq.JobStatusCanceled}

// waitForJob polls the job until its status is terminal, for at most waitTimeout.
func waitForJob(t *testing.T, client *ionq.ClientWithResponses, id string) (ionq.Job, ionq.BaseJob) {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		job, base := getJob(t, client, id)
		if slices.Contains(terminal, base.Status) {
			return job, base
		}
		if time.Now().After(deadline) {
			t.Fatalf("job %s still %s after %s", id, base.Status, waitTimeout)
		}
		time.Sleep(pollInterval)
	}
}

// assertBell checks probabilities {"0": 0.5, "3": 0.5} to 1e-9.
func assertBell(t *testing.T, probabilities map[string]float64) {
	t.Helper()
	keys := make([]string, 0, len(probabilities))
	for key := range probabilities {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, []string{"0", "3"}) ||
		math.Abs(probabilities["0"]-0.5) > 1e-9 || math.Abs(probabilities["3"]-0.5) > 1e-9 {
		t.Fatalf("not a Bell distribution: %v", probabilities)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Jobs finish in 50 ms here, so waiting and listing finished jobs is quick.
func TestJourney(t *testing.T) {
	t.Parallel()
	baseURL := startMock(t, apiKey, 0.05)
	client := newClient(t, baseURL, apiKey)
	ctx := context.Background()

	t.Run("a Bell job completes with probabilities {0: 0.5, 3: 0.5}", func(t *testing.T) {
		id := createJob(t, client, "bell")
		job, base := waitForJob(t, client, id)
		if base.ID != id || base.Status != ionq.JobStatusCompleted || base.Type != "ionq.circuit.v1" {
			t.Fatalf("job %s: id %s, status %s, type %s", id, base.ID, base.Status, base.Type)
		}
		// A circuit job reads as a SingleCircuitJob: typed output, settings, stats and results.
		single, err := job.AsSingleCircuitJob()
		must(t, err)
		if !single.Type.Valid() || single.Name == nil || *single.Name != "bell" ||
			single.Stats.Qubits == nil || *single.Stats.Qubits != 2 {
			t.Fatalf("single-circuit job: type %q, name %v, stats %+v", single.Type, single.Name, single.Stats)
		}
		if single.Results == nil || single.Results.Probabilities == nil {
			t.Fatalf("a completed job names its results: %+v", single.Results)
		}
		if want := "/v0.4/jobs/" + id + "/results/probabilities"; single.Results.Probabilities.URL != want {
			t.Fatalf("legacy probabilities link %q, want %q", single.Results.Probabilities.URL, want)
		}

		probabilities, err := client.GetJobProbabilitiesWithResponse(ctx, id, nil)
		must(t, err)
		if probabilities.JSON200 == nil {
			t.Fatalf("probabilities: %d %s", probabilities.StatusCode(), probabilities.Body)
		}
		assertBell(t, *probabilities.JSON200)

		// The format-keyed descriptors are the results' additional properties; the v2
		// artifact holds the same distribution by register, as bitstrings (qubit 0 first).
		descriptor, ok := single.Results.AdditionalProperties["ionq.result.probabilities.json.v2"]
		if !ok || descriptor.MediaType != "application/json" {
			t.Fatalf("no v2 probabilities artifact: %+v", single.Results.AdditionalProperties)
		}
		artifact, err := client.GetJobArtifactWithResponse(ctx, id, descriptor.ID)
		must(t, err)
		if artifact.JSON200 == nil {
			t.Fatalf("artifact: %d %s", artifact.StatusCode(), artifact.Body)
		}
		v2, err := artifact.JSON200.AsProbabilitiesV2()
		must(t, err)
		all := v2.Probabilities.Registers["output_all"]
		if len(all) != 2 || math.Abs(all["00"]-0.5) > 1e-9 || math.Abs(all["11"]-0.5) > 1e-9 {
			t.Fatalf("v2 artifact: %s", artifact.Body)
		}
	})

	t.Run("listing with a small limit follows next to the end, each job once", func(t *testing.T) {
		created := make([]string, 0, 5)
		for i := range 5 {
			created = append(created, createJob(t, client, fmt.Sprintf("page-%d", i)))
		}
		limit := ionq.Limit(2)
		params := ionq.ListJobsParams{Limit: &limit}
		var seen []string
		for pages := 1; ; pages++ {
			if pages > 100 {
				t.Fatalf("more than 100 pages of 2 jobs: next never became null (%d jobs seen)", len(seen))
			}
			page, err := client.ListJobsWithResponse(ctx, &params)
			must(t, err)
			if page.JSON200 == nil {
				t.Fatalf("list: %d %s", page.StatusCode(), page.Body)
			}
			if len(page.JSON200.Jobs) > 2 {
				t.Fatalf("a page of %d jobs with limit 2", len(page.JSON200.Jobs))
			}
			for _, job := range page.JSON200.Jobs {
				seen = append(seen, job.ID)
			}
			if page.JSON200.Next == nil {
				break
			}
			params.Next = page.JSON200.Next
		}
		for _, id := range created {
			if count := countOf(seen, id); count != 1 {
				t.Errorf("job %s listed %d times", id, count)
			}
		}
		if unique := slices.Compact(slices.Sorted(slices.Values(seen))); len(unique) != len(seen) {
			t.Errorf("%d jobs listed, %d of them distinct", len(seen), len(unique))
		}
	})

	t.Run("shots 0 is a 400 whose validation keys name shots", func(t *testing.T) {
		created, err := client.CreateJobWithResponse(ctx, bellJob(t, "no shots", 0))
		must(t, err)
		if created.StatusCode() != http.StatusBadRequest || created.JSON400 == nil {
			t.Fatalf("shots 0: %d %s", created.StatusCode(), created.Body)
		}
		bad := created.JSON400
		if bad.StatusCode != 400 || bad.Error == "" || bad.Message == "" {
			t.Fatalf("400 body: %+v", bad)
		}
		// `validation` is optional in the spec; this project's mock always sends it.
		if bad.Validation == nil || bad.Validation.Keys == nil || !slices.Contains(*bad.Validation.Keys, "shots") {
			t.Fatalf("validation does not name shots: %s", created.Body)
		}
	})

	t.Run("a wrong API key is a 401 with an Error body", func(t *testing.T) {
		intruder := newClient(t, baseURL, apiKey+"-wrong")
		listed, err := intruder.ListJobsWithResponse(ctx, nil)
		must(t, err)
		if listed.StatusCode() != http.StatusUnauthorized || listed.JSON401 == nil || listed.JSON401.StatusCode != 401 {
			t.Fatalf("wrong key: %d %s", listed.StatusCode(), listed.Body)
		}
	})

	t.Run("a deleted job is gone", func(t *testing.T) {
		id := createJob(t, client, "to delete")
		deleted, err := client.DeleteJobWithResponse(ctx, id)
		must(t, err)
		if deleted.JSON200 == nil || deleted.JSON200.ID != id || deleted.JSON200.Status != ionq.JobDeletedStatusDeleted {
			t.Fatalf("delete: %d %s", deleted.StatusCode(), deleted.Body)
		}
		got, err := client.GetJobWithResponse(ctx, id)
		must(t, err)
		if got.StatusCode() != http.StatusNotFound || got.JSON404 == nil || got.JSON404.StatusCode != 404 {
			t.Fatalf("get after delete: %d %s", got.StatusCode(), got.Body)
		}
		again, err := client.DeleteJobWithResponse(ctx, id)
		must(t, err)
		if again.StatusCode() != http.StatusNotFound {
			t.Fatalf("delete again: %d %s", again.StatusCode(), again.Body)
		}
	})
}

// Jobs run for a minute here, so a job is certainly still running when it is cancelled.
func TestCancel(t *testing.T) {
	t.Parallel()
	baseURL := startMock(t, apiKey, 60)
	client := newClient(t, baseURL, apiKey)
	ctx := context.Background()

	id := createJob(t, client, "to cancel")
	if _, before := getJob(t, client, id); slices.Contains(terminal, before.Status) {
		t.Fatalf("job %s already %s before the cancel", id, before.Status)
	}
	canceled, err := client.CancelJobWithResponse(ctx, id)
	must(t, err)
	if canceled.JSON200 == nil || canceled.JSON200.ID != id || canceled.JSON200.Status != ionq.JobCanceledStatusCanceled {
		t.Fatalf("cancel: %d %s", canceled.StatusCode(), canceled.Body)
	}
	job, base := waitForJob(t, client, id)
	if base.Status != ionq.JobStatusCanceled || base.Results != nil {
		t.Fatalf("job %s after cancel: status %s, results %v", id, base.Status, base.Results)
	}
	if single, err := job.AsSingleCircuitJob(); err != nil || single.Results != nil {
		t.Fatalf("a canceled job has no results: %v %+v", err, single.Results)
	}
	// The spec: probabilities answer 404 for a job that has not completed.
	probabilities, err := client.GetJobProbabilitiesWithResponse(ctx, id, nil)
	must(t, err)
	if probabilities.StatusCode() != http.StatusNotFound || probabilities.JSON404 == nil {
		t.Fatalf("probabilities of a canceled job: %d %s", probabilities.StatusCode(), probabilities.Body)
	}
	if !strings.Contains(strings.ToLower(probabilities.JSON404.Error), "not found") {
		t.Errorf("404 body: %+v", probabilities.JSON404)
	}
}

func countOf(values []string, want string) int {
	count := 0
	for _, value := range values {
		if value == want {
			count++
		}
	}
	return count
}
