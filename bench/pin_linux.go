package bench

import (
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

// threadCPUTime is the CPU time the OS has given the calling thread, and
// false when it cannot tell. In a VM it counts the time the hypervisor
// took the vCPU away too: the guest cannot see that.
func threadCPUTime() (time.Duration, bool) {
	var ts unix.Timespec
	if err := unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts); err != nil {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
