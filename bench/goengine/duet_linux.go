package goengine

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// PinProcess confines every thread of this process, and so every thread
// it makes later (a new thread inherits its maker's affinity), to cpus:
// each sample of measure.Interleave runs on the CPUs the round gave its
// side. A thread pinned by pinThread is pinned again.
func PinProcess(cpus ...int) error {
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return fmt.Errorf("pin to cpus %v: %w", cpus, err)
	}
	var set unix.CPUSet
	for _, c := range cpus {
		set.Set(c)
	}
	for _, t := range tasks {
		tid, err := strconv.Atoi(t.Name())
		if err != nil {
			continue
		}
		if err := unix.SchedSetaffinity(tid, &set); err != nil {
			return fmt.Errorf("pin to cpus %v: %w", cpus, err)
		}
	}
	return nil
}

// AllowedCPUs lists the CPUs this process may run on; nil where it
// cannot tell (not Linux).
func AllowedCPUs() []int {
	cpus, err := allowedCPUs()
	if err != nil {
		return nil
	}
	return cpus
}

// DuetCPUs returns two CPUs this process may run on for a duet, and
// whether they may be SMT siblings of one core (sharing its AES units):
// true when the kernel lists them as siblings or does not say. It
// prefers two CPUs that are not siblings. ok is false with fewer than
// two CPUs.
func DuetCPUs() (a, b int, maySiblings, ok bool) {
	cpus, err := allowedCPUs()
	if err != nil || len(cpus) < 2 {
		return 0, 0, false, false
	}
	for _, x := range cpus[1:] {
		if sib, known := siblings(cpus[0], x); known && !sib {
			return cpus[0], x, false, true
		}
	}
	return cpus[0], cpus[1], true, true
}

// siblings reports whether cpus a and b share a core, by the kernel's
// topology, and whether it said.
func siblings(a, b int) (sib, known bool) {
	data, err := os.ReadFile(filepath.Join("/sys/devices/system/cpu", "cpu"+strconv.Itoa(a), "topology", "thread_siblings_list"))
	if err != nil {
		return false, false
	}
	for _, part := range strings.Split(strings.TrimSpace(string(data)), ",") {
		lo, hi, isRange := strings.Cut(part, "-")
		l, err1 := strconv.Atoi(lo)
		h := l
		var err2 error
		if isRange {
			h, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil {
			return false, false
		}
		if l <= b && b <= h {
			return true, true
		}
	}
	return false, true
}
