//go:build !linux

package testfs

import "errors"

func readOnlyMount(dir string) error { return errors.New("bind mounts need Linux") }

func unmount(dir string) {}
