//go:build !linux

package journey

import "syscall"

// mockProcAttr: only Linux can tie the mock's life to the test binary's.
func mockProcAttr() *syscall.SysProcAttr {
	return nil
}
