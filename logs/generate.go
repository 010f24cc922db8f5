package logs

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
)

// MinSize is the smallest compressed size Generate makes: below it the
// gzip header and trailer and the granularity of a line are too large a
// part of the file to land within 2% of the target.
const MinSize = 1000

// Options says what to generate.
type Options struct {
	Size   int64 // compressed size in bytes, at least MinSize
	Seed   int64 // the same seed and size give the same bytes
	Format Format

	// Progress, if not nil, is called with the compressed bytes written
	// so far and Size, about every megabyte of log text, and at the end
	// with the final size as both (done == total). It runs on Generate's
	// goroutine.
	Progress func(done, total int64)
}

// Stats describes what Generate wrote.
type Stats struct {
	Compressed   int64 // bytes of gzip output
	Uncompressed int64 // bytes of log text
	Lines        int64
}

// Ratio is the compression ratio, uncompressed over compressed bytes, or
// 0 if nothing was written.
func (s Stats) Ratio() float64 {
	if s.Compressed == 0 {
		return 0
	}
	return float64(s.Uncompressed) / float64(s.Compressed)
}

// Byte counts of the gzip framing that compress/gzip writes (no file
// name, comment or extra field) and of compress/flate's sync flush.
const (
	gzipHeader = 10
	gzipClose  = 5 + 8 // final empty stored block; CRC-32 and length
	syncFlush  = 5     // an empty stored block, byte-aligned
)

// perLineGap is the distance from the target below which every line is
// flushed on its own, to see what it cost.
const perLineGap = 4096

// dryRunBelow is the size below which one line is a noticeable part of
// the file, so that Generate first runs without output to learn how many
// lines fit.
const dryRunBelow = 256 << 10

// Generate writes gzip-compressed access log lines to w until the
// compressed stream is opt.Size bytes, give or take a few bytes (see the
// package documentation). It stops with ctx's error if ctx is done. On
// an error the Stats count what was written so far.
func Generate(ctx context.Context, w io.Writer, opt Options) (Stats, error) {
	if err := opt.check(); err != nil {
		return Stats{}, err
	}
	fit := -1
	if opt.Size < dryRunBelow {
		dry := opt
		dry.Progress = nil
		g := newGenerator(ctx, io.Discard, dry)
		g.dryRun = true
		if err := g.run(); err != nil {
			return Stats{}, err
		}
		fit = g.fit
	}
	g := newGenerator(ctx, w, opt)
	g.fit = fit
	if err := g.run(); err != nil {
		return g.stats, err
	}
	return g.stats, nil
}

func (opt *Options) check() error {
	if opt.Size < MinSize {
		return fmt.Errorf("size %d bytes: below the minimum of %d bytes", opt.Size, MinSize)
	}
	if opt.Format != Combined && opt.Format != JSON {
		return fmt.Errorf("unknown log format %v", opt.Format)
	}
	return nil
}

// generator feeds lines to a gzip.Writer and steers by the compressed
// byte count.
type generator struct {
	ctx      context.Context
	opt      Options
	out      *bufio.Writer
	count    countWriter
	zw       *gzip.Writer
	traffic  *traffic
	render   *renderer
	buf      []byte // lines not yet given to zw
	stats    Stats
	reported int64 // uncompressed bytes at the last Progress call

	// fit is the number of lines flushed one by one at the end, if known
	// (>= 0). A dry run writes them until the target is passed, and sets
	// fit to how many stayed within it.
	fit    int
	dryRun bool
}

const (
	bufSize       = 64 << 10
	progressEvery = 1 << 20
)

func newGenerator(ctx context.Context, w io.Writer, opt Options) *generator {
	g := &generator{
		ctx:     ctx,
		opt:     opt,
		out:     bufio.NewWriterSize(w, bufSize),
		traffic: newTraffic(opt.Seed),
		render:  newRenderer(opt.Format),
		buf:     make([]byte, 0, bufSize+4096),
	}
	g.count.w = g.out
	// The header's modification time stays zero ("unknown"), so the
	// output does not depend on when it was made.
	g.zw, _ = gzip.NewWriterLevel(&g.count, gzip.DefaultCompression)
	return g
}

// compressed returns the bytes the gzip stream will have once closed,
// counting what is written, the header if it is not yet, and the close.
// It is exact right after a flush.
func (g *generator) compressed() int64 { return max(g.count.n, gzipHeader) + gzipClose }

func (g *generator) run() error {
	target := g.opt.Size

	// Write in chunks that aim at half the remaining distance, at the
	// compression ratio of the chunk before, and flush after each to see
	// where the stream stands. The first guess of 3 is below any ratio
	// the lines get, so that the first chunk cannot overshoot.
	ratio := 3.0
	for gap := target - g.compressed(); gap >= perLineGap; gap = target - g.compressed() {
		startU, startC := g.stats.Uncompressed, g.compressed()
		budget := startU + int64(float64(gap/2)*ratio)
		for g.stats.Uncompressed < budget {
			if err := g.line(); err != nil {
				return err
			}
		}
		if err := g.flush(); err != nil {
			return err
		}
		ratio = float64(g.stats.Uncompressed-startU) / float64(g.compressed()-startC)
	}

	// Then a line at a time, flushing each: as many as the dry run found
	// to fit, or, without one, while the gap is clearly more than a line
	// costs. A line flushed alone costs about twice its share in a chunk.
	lineMax := 2*int64(float64(g.stats.Uncompressed)/float64(max(g.stats.Lines, 1))/ratio) + syncFlush
	for n := 0; g.another(n, target-g.compressed(), lineMax); n++ {
		before := g.compressed()
		if err := g.line(); err != nil {
			return err
		}
		if err := g.flush(); err != nil {
			return err
		}
		lineMax = max(lineMax, g.compressed()-before)
	}
	if g.dryRun {
		return nil
	}

	// Make up the rest, less than a line, with empty stored blocks,
	// which every inflater skips.
	for target-g.compressed() >= syncFlush {
		if err := g.zw.Flush(); err != nil {
			return err
		}
	}
	if err := g.zw.Close(); err != nil {
		return err
	}
	if err := g.out.Flush(); err != nil {
		return err
	}
	g.stats.Compressed = g.count.n
	if g.opt.Progress != nil {
		g.opt.Progress(g.stats.Compressed, g.stats.Compressed)
	}
	return nil
}

// another reports whether to write another line on its own, having
// written n, with gap bytes to go and lines costing up to lineMax.
func (g *generator) another(n int, gap, lineMax int64) bool {
	switch {
	case g.dryRun:
		if gap < 0 {
			g.fit = max(n-1, 0)
			return false
		}
		return true
	case g.fit >= 0:
		return n < g.fit
	}
	return gap > lineMax*3/2
}

// line adds the next log line, passing full buffers on to the
// compressor.
func (g *generator) line() error {
	e := g.traffic.nextEvent()
	n := len(g.buf)
	g.buf = g.render.appendLine(g.buf, &e, g.traffic.clients.get(e.client))
	g.stats.Uncompressed += int64(len(g.buf) - n)
	g.stats.Lines++
	if len(g.buf) >= bufSize {
		return g.drain()
	}
	return nil
}

// drain gives the buffered lines to the compressor; it is also where
// cancellation is noticed and progress reported.
func (g *generator) drain() error {
	if err := g.ctx.Err(); err != nil {
		return err
	}
	if _, err := g.zw.Write(g.buf); err != nil {
		return err
	}
	g.buf = g.buf[:0]
	if g.opt.Progress != nil && g.stats.Uncompressed-g.reported >= progressEvery {
		g.reported = g.stats.Uncompressed
		g.opt.Progress(min(g.count.n, g.opt.Size), g.opt.Size)
	}
	return nil
}

func (g *generator) flush() error {
	if err := g.drain(); err != nil {
		return err
	}
	return g.zw.Flush()
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
