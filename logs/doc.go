// Package logs generates realistic gzip-compressed web access logs of a
// given compressed size: the corpus for timing encryption the way the
// classic experiment did, on an ~80 MB compressed access log, on hosts
// that have none.
//
// # Sizes
//
// Options.Size is the size of the gzip file. What a line costs is not
// known until compress/flate emits it, so Generate steers by sync flushes:
// it writes chunks aimed at half the remaining distance (at the ratio the
// chunk before got; the first guess, 3, is below any ratio the lines get),
// flushes after each to learn the exact count, and in the last 4 KiB
// writes and flushes a line at a time. The rest, less than a line, is
// made up with empty stored blocks, 5 bytes each (what a sync flush
// writes), which every inflater skips. Below 256 KiB, where one line is a
// noticeable part of the file, a dry run without output first finds how
// many of the last lines fit. The file ends within 5 bytes below the
// target; without a dry run the last line may instead pass it by part of
// a line (tens of bytes). The two dozen flushes of a large file cost
// nothing measurable in ratio.
//
// # Determinism
//
// The same Seed, Size and Format give the same bytes. The lines depend
// only on the seed (a larger size gives the same lines and more; JSON has
// the same requests as Combined); the gzip header has no modification
// time and the OS "unknown". The random stream is math/rand/v2's PCG, and
// every draw from it is integer arithmetic on tables built once, so the
// lines are the same on every platform; the compressed bytes are those of
// the compress/flate in the Go release that built the program (it has
// rarely changed).
//
// # The traffic model
//
// A seed makes a web shop: a host name, static assets with content-hash
// names and fixed sizes, product, category, search, blog, docs and account
// pages, and an API. Its clients are about 50000 hosts (15% IPv6, IPv4
// clustered in a few hundred /16 networks as ISP customers are), each with
// one user agent from a weighted list of real browser, app, crawler,
// script and scanner strings. The log starts at midnight of a day in 2025
// or 2026 drawn from the seed.
//
// New visits arrive as a Poisson process (exponential gaps, 6 to 20 a
// second on average) whose rate follows the time of day. Each draws a kind
// of client (browsers 45%, mobile apps 18%, scripts 15%, crawlers 14%,
// scanners 8%) and then a host of that kind by Zipf's law (exponent 1), so
// a few hosts make many requests; the busiest browser hosts are NAT
// gateways whose visits come from varied browsers. A browser views a page,
// loads its stylesheets, scripts, fonts and images over the next second
// (unless cached: a returning visitor gets 304s or nothing), calls the API
// and often goes on to another page with the first as referrer. Apps make
// bursts of API calls, crawlers fetch a few pages and sitemaps, scanners
// probe for .env files and admin pages, monitors poll a health URL every
// 10 to 60 seconds. Scheduled requests wait in a heap, so the timestamps
// never decrease.
//
// Methods come out about 91% GET, 6% POST, 1.5% HEAD, 1% PUT and 0.5%
// each DELETE and OPTIONS; protocols 78% HTTP/1.1, 21% HTTP/2.0, some
// HTTP/1.0; statuses about 78% 200, 9% 304, 4% 204, 1.5% 201, 4-5% 404
// (scanners, stale links), and under 1% each 301, 302, 403, 500 and 503.
// Response sizes are log-normal by content type (HTML around 28 kB, API
// JSON around 1.4 kB, scripts around 140 kB), fixed per static file, and
// "-" for 304, 204 and HEAD. About 40% of requests have no referrer. The
// result compresses about 12x in the combined format and 15x as JSON at
// gzip's default level, as real access logs do (8-15x).
package logs
