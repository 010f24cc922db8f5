package filecrypt

import (
	"bytes"
	"errors"
	"testing"
)

func TestUnpad(t *testing.T) {
	block := func(tail ...byte) []byte {
		return append(bytes.Repeat([]byte{0xaa}, 16-len(tail)), tail...)
	}
	tests := []struct {
		name string
		in   []byte
		want int // plaintext bytes; -1: ErrCorrupt
	}{
		{"one byte of padding", block(1), 15},
		{"four bytes", block(4, 4, 4, 4), 12},
		{"a whole block", bytes.Repeat([]byte{16}, 16), 0},
		{"two blocks, one byte", append(block(), block(1)...), 31},
		{"pad byte 0", block(0), -1},
		{"pad longer than a block", block(17), -1},
		{"pad bytes differ", block(3, 4, 3), -1},
		{"empty", nil, -1},
		{"not whole blocks", block(1)[:15], -1},
	}
	for _, tt := range tests {
		got, err := unpad(tt.in, 16)
		if tt.want < 0 {
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("%s: unpad = %d bytes, %v; want ErrCorrupt", tt.name, len(got), err)
			}
			continue
		}
		if err != nil || len(got) != tt.want || !bytes.Equal(got, tt.in[:tt.want]) {
			t.Errorf("%s: unpad = %d bytes, %v; want %d", tt.name, len(got), err, tt.want)
		}
	}
	// pad and unpad are inverses for every length within a block.
	for n := range 40 {
		p := pad(make([]byte, n, n+16), 16)
		if len(p)%16 != 0 || len(p) <= n {
			t.Fatalf("pad(%d bytes) = %d bytes", n, len(p))
		}
		if got, err := unpad(p, 16); err != nil || len(got) != n {
			t.Errorf("unpad(pad(%d bytes)) = %d bytes, %v", n, len(got), err)
		}
	}
}
