package filecrypt

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/aesbench/aesbench/bench"
)

// pipeBuffers is how many ChunkSize buffers cycle through the pipeline:
// one being read, one encrypted, one written and one spare, so that no
// stage waits for a buffer while the others work.
const pipeBuffers = 4

// chunk is one buffer on its way through the pipeline.
type chunk struct {
	buf   []byte
	index int64
	last  bool
}

// Encrypt reads the file in, encrypts it with fc and writes the
// ciphertext to out, which it creates or truncates. Reading, encryption and
// writing run in three goroutines that pass pipeBuffers reused buffers of
// ChunkSize bytes around over channels (reader -> encrypter -> writer ->
// reader), so the wall time approaches the slower of the disk and the
// cipher, not their sum. With fsync the output is synced before
// Encrypt returns.
//
// It encrypts the first size bytes of in, size as Stat gave it when
// opened; a file that shrinks meanwhile is an error. On any error,
// including ctx being done (the error then wraps ctx.Err()), out is
// removed.
func (fc *Cipher) Encrypt(ctx context.Context, in, out string, fsync bool) (err error) {
	dst, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fmt.Errorf("write ciphertext: %w", err)
	}
	defer func() {
		if cerr := dst.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write ciphertext: %w", cerr)
		}
		if err != nil {
			os.Remove(out)
		}
	}()
	return fc.encryptTo(ctx, in, dst, fsync)
}

// encryptTo is Encrypt into dst, an open file that it writes from where
// it stands and leaves open; Run's ciphertext has no name to open.
func (fc *Cipher) encryptTo(ctx context.Context, in string, dst *os.File, fsync bool) error {
	src, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	defer src.Close()
	fi, err := src.Stat()
	if err != nil {
		return fmt.Errorf("read input: %w", err)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		once     sync.Once
		firstErr error
		wg       sync.WaitGroup
	)
	fail := func(err error) {
		once.Do(func() { firstErr = err; cancel() })
	}
	free := make(chan []byte, pipeBuffers)
	for range pipeBuffers {
		free <- make([]byte, ChunkSize, ChunkSize+maxOverhead)
	}
	toEncrypt := make(chan chunk, pipeBuffers)
	toWrite := make(chan chunk, pipeBuffers)
	size := fi.Size()

	wg.Add(3)
	go func() { // reader
		defer wg.Done()
		defer close(toEncrypt)
		var off int64
		for i := int64(0); ; i++ {
			var buf []byte
			select {
			case buf = <-free:
			case <-ctx.Done():
				fail(ctx.Err())
				return
			}
			n := min(ChunkSize, size-off)
			buf = buf[:n]
			if _, err := io.ReadFull(src, buf); err != nil {
				if err == io.ErrUnexpectedEOF || err == io.EOF {
					err = fmt.Errorf("%s shrank while being read", in)
				}
				fail(fmt.Errorf("read input: %w", err))
				return
			}
			off += n
			c := chunk{buf: buf, index: i, last: off == size}
			select {
			case toEncrypt <- c:
			case <-ctx.Done():
				fail(ctx.Err())
				return
			}
			if c.last {
				return
			}
		}
	}()
	go func() { // encrypter
		defer wg.Done()
		defer close(toWrite)
		encrypt := fc.encrypter()
		for c := range toEncrypt {
			if ctx.Err() != nil {
				fail(ctx.Err())
				return
			}
			c.buf = encrypt(c.buf, c.index, c.last)
			select {
			case toWrite <- c:
			case <-ctx.Done():
				fail(ctx.Err())
				return
			}
		}
	}()
	go func() { // writer
		defer wg.Done()
		for c := range toWrite {
			if ctx.Err() != nil {
				fail(ctx.Err())
				return
			}
			if _, err := dst.Write(c.buf); err != nil {
				fail(fmt.Errorf("write ciphertext: %w", err))
				return
			}
			free <- c.buf[:cap(c.buf)]
		}
	}()
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if fsync {
		if err := dst.Sync(); err != nil {
			return fmt.Errorf("write ciphertext: %w", err)
		}
	}
	return nil
}

// DecryptSHA256 decrypts the ciphertext file path with fc and returns the
// SHA-256 of the plaintext, for verification. A ciphertext that does not
// decrypt (bad padding, tag or length) is an error wrapping ErrCorrupt.
func (fc *Cipher) DecryptSHA256(ctx context.Context, path string) ([32]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return [32]byte{}, fmt.Errorf("verify: %w", err)
	}
	defer f.Close()
	return fc.decryptSHA256(ctx, f)
}

// decryptSHA256 is DecryptSHA256 of the open file f, read from its start
// (ReadAt: where f stands does not matter).
func (fc *Cipher) decryptSHA256(ctx context.Context, f *os.File) ([32]byte, error) {
	var sum [32]byte
	fi, err := f.Stat()
	if err != nil {
		return sum, fmt.Errorf("verify: %w", err)
	}
	total := fi.Size()
	size, decrypt, err := fc.decrypter(total)
	if err != nil {
		return sum, fmt.Errorf("verify: %w", err)
	}
	if fc.Algo.Mode == bench.AEAD && total < int64(fc.aead.Overhead()) {
		return sum, fmt.Errorf("verify: %w: %d bytes is shorter than a tag", ErrCorrupt, total)
	}
	h := sha256.New()
	buf := make([]byte, size)
	r := io.NewSectionReader(f, 0, total)
	var off int64
	for i := int64(0); ; i++ {
		if err := ctx.Err(); err != nil {
			return sum, fmt.Errorf("verify: %w", err)
		}
		n := min(int64(size), total-off)
		b := buf[:n]
		if _, err := io.ReadFull(r, b); err != nil {
			return sum, fmt.Errorf("verify: %w", err)
		}
		off += n
		last := off == total
		if fc.Algo.Mode == bench.AEAD && !last && total-off < int64(fc.aead.Overhead()) {
			// The remainder cannot be a chunk: a tail shorter than a tag.
			return sum, fmt.Errorf("verify: %w: %d stray bytes at the end", ErrCorrupt, total-off)
		}
		p, err := decrypt(b, i, last)
		if err != nil {
			return sum, fmt.Errorf("verify: %w", err)
		}
		h.Write(p)
		if last {
			break
		}
	}
	h.Sum(sum[:0])
	return sum, nil
}

// fileSHA256 hashes a file.
func fileSHA256(ctx context.Context, path string) ([32]byte, error) {
	var sum [32]byte
	f, err := os.Open(path)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	buf := make([]byte, ChunkSize)
	for {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		n, err := f.Read(buf)
		h.Write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			return sum, err
		}
	}
	h.Sum(sum[:0])
	return sum, nil
}
