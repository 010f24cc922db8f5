package goengine

import (
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// pinSupported: Linux pins a thread with sched_setaffinity.
const pinSupported = true

// allowedCPUs lists the CPUs this process may run on (its affinity mask,
// which taskset and cgroup cpusets narrow), in ascending order.
func allowedCPUs() ([]int, error) {
	var set unix.CPUSet
	if err := unix.SchedGetaffinity(0, &set); err != nil {
		return nil, err
	}
	var cpus []int
	for i := range len(set) * 64 {
		if set.IsSet(i) {
			cpus = append(cpus, i)
		}
	}
	return cpus, nil
}

// pinThread confines the calling OS thread to cpu.
func pinThread(cpu int) error {
	var set unix.CPUSet
	set.Set(cpu)
	return unix.SchedSetaffinity(0, &set)
}

// threadRunDelay is how long the calling thread has waited, runnable, for
// a CPU that ran other threads of this machine (the second field of
// /proc/thread-self/schedstat), and false when the kernel does not say.
// Time a hypervisor took the vCPU away is not in it: the guest's
// scheduler thought the thread was running.
func threadRunDelay() (time.Duration, bool) {
	b, err := os.ReadFile("/proc/thread-self/schedstat")
	if err != nil {
		return 0, false
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0, false
	}
	ns, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return time.Duration(ns), true
}
