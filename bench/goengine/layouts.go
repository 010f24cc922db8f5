package goengine

// Layouts gives each sample of a cell a fresh Group: new keys, cipher
// state and buffers at new addresses. Where a process's memory landed
// moves a cipher's speed: two worker processes of one configuration
// (measure.Interleave) differed by up to 5% on the GCM cells of one run,
// and an A/A of 16 rounds called 6 of 96 cells "different"; with a fresh
// Group per sample, 1 of 96 (four A/As each; 12 of 288 over twelve A/As
// of a later, busier hour, within chance of the 5% claimed). A run of
// its own (Run) is such a process too: with one layout for all its
// samples, a rerun's other layout is a difference no interval of the
// run could see. A fresh layout every sample makes it part of the
// samples' spread, which the intervals do see. The old Groups are kept,
// up to KeepBytes of buffers, so that the allocator cannot hand the same
// memory back at once. The zero Layouts is ready to use.
type Layouts struct {
	kept  []*Group
	bytes int
}

// KeepBytes bounds the buffers of the old Groups a Layouts keeps alive.
const KeepBytes = 64 << 20

// Renew returns a fresh Group like g (the same algorithm, direction,
// size, threads and AEAD mode) and keeps g alive for a while. A Group
// with more than KeepBytes/4 of buffers it returns as it is: it spans so
// many pages that where it landed averages out, and a fresh one (its
// messages drawn from crypto/rand) would cost more than a sample.
func (l *Layouts) Renew(g *Group) (*Group, error) {
	op := g.Ops[0]
	b := 2 * op.Size * len(g.Ops)
	if b > KeepBytes/4 {
		return g, nil
	}
	fresh, err := NewGroup(op.Algo, op.Dir, op.Size, len(g.Ops), g.aeadMode)
	if err != nil {
		return nil, err
	}
	if l.bytes+b > KeepBytes {
		l.kept, l.bytes = nil, 0
	}
	l.kept, l.bytes = append(l.kept, g), l.bytes+b
	return fresh, nil
}
