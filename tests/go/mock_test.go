package journey

// Start the project's mock server (`ionq-mock serve --port 0`) for a test, read the base URL
// from its first line, and stop it when the test ends.

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// Python start-up plus the app import; generous so that a loaded CI machine does not flake.
	mockStartTimeout = 20 * time.Second
	mockStopTimeout  = 5 * time.Second
)

var readyLine = regexp.MustCompile(`^ionq-mock listening on (http://127\.0\.0\.1:\d+/v0\.4)\s*$`)

// mockCommand is the mock's executable: $IONQ_MOCK, else the repository's virtualenv
// (`go test` runs in tests/go).
func mockCommand() string {
	if command := os.Getenv("IONQ_MOCK"); command != "" {
		return command
	}
	return "../../.venv/bin/ionq-mock"
}

// tail keeps the last bytes written to it, for the error message of a mock that fails.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 4000 {
		t.buf = t.buf[len(t.buf)-4000:]
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(bytes.Clone(t.buf))
}

// startMock runs `ionq-mock serve` on a free loopback port with the given API key and job
// duration (seconds from submitted to completed) and returns its base URL, e.g.
// http://127.0.0.1:41234/v0.4. The mock is stopped, and waited for, when the test ends.
func startMock(t *testing.T, apiKey string, jobDuration float64) string {
	t.Helper()
	cmd := exec.Command(mockCommand(), "serve", "--host", "127.0.0.1", "--port", "0",
		"--api-key", apiKey, "--job-duration", strconv.FormatFloat(jobDuration, 'f', -1, 64))
	cmd.SysProcAttr = mockProcAttr()
	output := &tail{}
	cmd.Stderr = output
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", mockCommand(), err)
	}
	lines := make(chan lineOrError, 1)
	exited := make(chan struct{})
	var waitErr error
	go func() {
		// Keep reading after the first line so that the mock never blocks on a full pipe;
		// Wait only after stdout is drained (os/exec's rule for StdoutPipe).
		reader := bufio.NewReader(stdout)
		first, readErr := reader.ReadString('\n')
		lines <- lineOrError{first, readErr}
		_, _ = io.Copy(output, reader)
		waitErr = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() { stopMock(t, cmd, exited, &waitErr) })

	select {
	case got := <-lines:
		if got.err != nil {
			t.Fatalf("ionq-mock printed no first line (%v)\n--- ionq-mock output ---\n%s", got.err, output)
		}
		match := readyLine.FindStringSubmatch(got.line)
		if match == nil {
			t.Fatalf("unexpected first line from ionq-mock: %q\n--- ionq-mock output ---\n%s", got.line, output)
		}
		return match[1]
	case <-time.After(mockStartTimeout):
		t.Fatalf("ionq-mock printed no ready line within %s\n--- ionq-mock output ---\n%s", mockStartTimeout, output)
	}
	return ""
}

type lineOrError struct {
	line string
	err  error
}

// stopMock sends SIGTERM, waits (bounded) for the process to exit, and kills it if it has not.
func stopMock(t *testing.T, cmd *exec.Cmd, exited <-chan struct{}, waitErr *error) {
	t.Helper()
	select {
	case <-exited:
		t.Errorf("ionq-mock exited before the test ended: %v", *waitErr)
		return
	default:
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("stopping ionq-mock: %v", err)
	}
	select {
	case <-exited:
	case <-time.After(mockStopTimeout):
		_ = cmd.Process.Kill()
		select {
		case <-exited:
		case <-time.After(mockStopTimeout):
			t.Errorf("ionq-mock (pid %d) still running after SIGKILL", cmd.Process.Pid)
			return
		}
		t.Errorf("ionq-mock ignored SIGTERM for %s and was killed", mockStopTimeout)
	}
}
