package testfs

import "syscall"

func readOnlyMount(dir string) error {
	if err := syscall.Mount(dir, dir, "", syscall.MS_BIND, ""); err != nil {
		return err
	}
	if err := syscall.Mount("", dir, "", syscall.MS_BIND|syscall.MS_REMOUNT|syscall.MS_RDONLY, ""); err != nil {
		unmount(dir)
		return err
	}
	return nil
}

func unmount(dir string) { syscall.Unmount(dir, 0) }
