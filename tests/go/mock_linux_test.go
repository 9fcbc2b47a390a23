package journey

import "syscall"

// mockProcAttr has the kernel kill the mock if the test binary dies first (a -timeout panic,
// a signal), so that no mock outlives its test.
func mockProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
