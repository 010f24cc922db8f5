package logs

import (
	"net/netip"
	"strconv"
	"strings"
	"sync"
)

// clientKind says how a client behaves: which paths it asks for, whether
// it sends referrers and loads a page's assets.
type clientKind uint8

const (
	browser clientKind = iota // pages, then their assets and API calls
	app                       // a mobile app: bursts of API calls
	crawler                   // pages, robots.txt, sitemaps; no assets
	script                    // single API calls: curl, python-requests, Go
	scanner                   // probes for admin pages and leaked files
	monitor                   // HEAD or GET of a health page, every so often
	numKinds
)

// client is one remote host. Its address, user agent and protocol stay
// the same for all its requests, as they mostly do in real logs.
type client struct {
	addr      string
	ua        string
	user      string // "-" unless the client uses basic auth
	proto     string
	kind      clientKind
	returning bool // a browser with the site's assets in its cache
	shared    bool // a NAT gateway or proxy: many people, many browsers
}

// poolSizes is how many distinct hosts of each kind a log has; about
// 50000 in all. Within a kind hosts are picked by Zipf's law, so the
// busiest browser makes about 9% of the browser visits.
var poolSizes = [numKinds]int{browser: 40000, app: 6000, crawler: 600, script: 800, scanner: 2500, monitor: 6}

// sharedHosts is how many of the busiest browser hosts are NAT gateways
// or proxies; they make about a third of the browser visits.
const sharedHosts = 20

// userAgent is a family of User-Agent strings: %d in text is replaced by
// a version drawn from [lo, hi] (the same one for every %d).
type userAgent struct {
	text   string
	lo, hi int
}

type ua = w[userAgent]

// userAgents are, for each kind of client, weighted roughly as a
// commercial site sees them: mostly Chrome on Windows and mobile, then
// Safari, Firefox and Edge among browsers; Google and Bing among crawlers.
var userAgents = [numKinds]weighted[userAgent]{
	browser: newWeighted(
		ua{280, userAgent{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36", 118, 138}},
		ua{90, userAgent{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36", 120, 138}},
		ua{120, userAgent{"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Mobile Safari/537.36", 116, 138}},
		ua{130, userAgent{"Mozilla/5.0 (iPhone; CPU iPhone OS 18_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.%d Mobile/15E148 Safari/604.1", 0, 6}},
		ua{30, userAgent{"Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Mobile/15E148 Safari/604.1", 0, 7}},
		ua{20, userAgent{"Mozilla/5.0 (iPad; CPU OS 18_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.%d Mobile/15E148 Safari/604.1", 0, 6}},
		ua{45, userAgent{"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.%d Safari/605.1.15", 0, 6}},
		ua{50, userAgent{"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:%d.0) Gecko/20100101 Firefox/%d.0", 115, 142}},
		ua{12, userAgent{"Mozilla/5.0 (X11; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0", 115, 142}},
		ua{10, userAgent{"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36", 118, 138}},
		ua{50, userAgent{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36 Edg/%d.0.0.0", 118, 138}},
		ua{12, userAgent{"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/%d.0 Chrome/125.0.0.0 Mobile Safari/537.36", 23, 28}},
		ua{8, userAgent{"Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Mobile Safari/537.36", 116, 138}},
	),
	app: newWeighted(
		ua{40, userAgent{"ShopApp/4.%d.0 (iPhone; iOS 18.1; Scale/3.00)", 10, 31}},
		ua{25, userAgent{"ShopApp/4.%d.0 (Android 14; Pixel 8)", 10, 31}},
		ua{20, userAgent{"okhttp/4.%d.0", 9, 12}},
		ua{15, userAgent{"Dalvik/2.1.0 (Linux; U; Android 13; SM-A536B Build/TP1A.220624.0%d)", 10, 24}},
	),
	crawler: newWeighted(
		ua{30, userAgent{"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 0, 0}},
		ua{20, userAgent{"Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 131, 138}},
		ua{18, userAgent{"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", 0, 0}},
		ua{10, userAgent{"Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", 0, 0}},
		ua{6, userAgent{"Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)", 0, 0}},
		ua{5, userAgent{"Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.%d; +https://openai.com/gptbot)", 0, 2}},
		ua{4, userAgent{"facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", 0, 0}},
		ua{4, userAgent{"Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)", 0, 0}},
	),
	script: newWeighted(
		ua{22, userAgent{"curl/8.%d.0", 0, 12}},
		ua{14, userAgent{"python-requests/2.3%d.0", 1, 2}},
		ua{8, userAgent{"Go-http-client/1.1", 0, 0}},
		ua{4, userAgent{"axios/1.%d.2", 4, 7}},
		ua{3, userAgent{"Wget/1.21.%d", 1, 4}},
		ua{3, userAgent{"Apache-HttpClient/4.5.%d (Java/17.0.9)", 10, 14}},
	),
	scanner: newWeighted(
		ua{12, userAgent{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36", 80, 110}},
		ua{6, userAgent{"Mozilla/5.0 zgrab/0.x", 0, 0}},
		ua{4, userAgent{"-", 0, 0}},
		ua{3, userAgent{"Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)", 0, 0}},
		ua{2, userAgent{"python-requests/2.2%d.0", 5, 8}},
		ua{2, userAgent{"Mozilla/5.0 (l9scan/2.0.%d; +https://leakix.net)", 10, 40}},
	),
	monitor: newWeighted(
		ua{6, userAgent{"Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", 0, 0}},
		ua{3, userAgent{"kube-probe/1.%d", 28, 33}},
		ua{3, userAgent{"ELB-HealthChecker/2.0", 0, 0}},
	),
}

// uaStrings are the user agents of each kind with the versions filled
// in, each family's weight shared among its versions.
var uaStrings = func() (t [numKinds]weighted[string]) {
	for kind, families := range userAgents {
		var ws []w[string]
		for i, u := range families.items {
			weight := families.cum[i]
			if i > 0 {
				weight -= families.cum[i-1]
			}
			if !strings.Contains(u.text, "%d") {
				ws = append(ws, w[string]{weight * 100, u.text})
				continue
			}
			for v := u.lo; v <= u.hi; v++ {
				ws = append(ws, w[string]{weight * 100 / (u.hi - u.lo + 1), strings.ReplaceAll(u.text, "%d", strconv.Itoa(v))})
			}
		}
		t[kind] = newWeighted(ws...)
	}
	return t
}()

// serviceUsers are the basic-auth names some scripts log in with.
var serviceUsers = []string{"deploy", "ci-bot", "svc-export", "reporting", "admin", "metrics", "partner-api", "sync"}

// clients are the hosts of a log, kind after kind: those of kind k have
// ids first[k] to first[k+1]-1, the busiest first. A host is made when
// first used, from its own random stream, so a small log costs little to
// set up and a host does not depend on which came before.
//
// Addresses are synthetic but look like real ones: IPv4 hosts cluster in
// a few hundred /16 networks (as customers of the same ISPs do), and 15%
// of hosts use IPv6 from realistic RIR allocations, half with random
// (privacy) interface identifiers.
type clients struct {
	seed  int64
	nets4 [][2]byte
	nets6 [][4]byte
	all   []client
	first [numKinds + 1]int32
}

// poolZipfs are Zipf tables over each kind's hosts, made on first use.
var poolZipfs = sync.OnceValue(func() (t [numKinds]*zipf) {
	for kind, n := range poolSizes {
		t[kind] = newZipf(n)
	}
	return t
})

func newClients(seed int64) *clients {
	cs := &clients{seed: seed}
	r := newRNG(seed, 2)
	cs.nets4 = make([][2]byte, 600)
	for i := range cs.nets4 {
		cs.nets4[i] = publicNet16(r)
	}
	cs.nets6 = make([][4]byte, 150)
	for i := range cs.nets6 {
		first := v6Firsts[r.intn(len(v6Firsts))]
		cs.nets6[i] = [4]byte{byte(first >> 8), byte(first), byte(r.intn(256)), byte(r.intn(256))}
	}
	for kind, n := range poolSizes {
		cs.first[kind+1] = cs.first[kind] + int32(n)
	}
	cs.all = make([]client, cs.first[numKinds])
	return cs
}

// pick returns a host of a kind by Zipf's law.
func (cs *clients) pick(kind clientKind, r *rng) int32 {
	return cs.first[kind] + int32(poolZipfs()[kind].pick(r))
}

// get returns host id, making it if it is new.
func (cs *clients) get(id int32) *client {
	c := &cs.all[id]
	if c.ua == "" {
		kind := clientKind(0)
		for cs.first[kind+1] <= id {
			kind++
		}
		*c = newClient(newRNG(cs.seed, 1<<32+uint64(id)), kind, cs.nets4, cs.nets6)
		c.shared = kind == browser && id-cs.first[kind] < sharedHosts
	}
	return c
}

func newClient(r *rng, kind clientKind, nets4 [][2]byte, nets6 [][4]byte) client {
	c := client{kind: kind, user: "-", proto: "HTTP/1.1"}
	if r.chance(15) {
		n := nets6[r.intn(len(nets6))]
		var a [16]byte
		copy(a[:4], n[:])
		for j := 4; j < 8; j++ {
			a[j] = byte(r.intn(256))
		}
		switch {
		case r.chance(50): // privacy address
			for j := 8; j < 16; j++ {
				a[j] = byte(r.intn(256))
			}
		case r.chance(50): // a server-style ::n
			a[15] = byte(r.between(1, 20))
		default: // EUI-64 from a MAC address
			for j := 8; j < 16; j++ {
				a[j] = byte(r.intn(256))
			}
			a[11], a[12] = 0xff, 0xfe
		}
		c.addr = netip.AddrFrom16(a).String()
	} else {
		n := nets4[r.intn(len(nets4))]
		c.addr = netip.AddrFrom4([4]byte{n[0], n[1], byte(r.intn(256)), byte(r.between(1, 254))}).String()
	}

	c.ua = uaStrings[kind].pick(r)
	switch kind {
	case browser:
		if r.chance(25) {
			c.proto = "HTTP/2.0"
		}
		c.returning = r.chance(55)
	case app, crawler:
		if r.chance(20) {
			c.proto = "HTTP/2.0"
		}
	case script:
		if r.chance(20) {
			c.user = serviceUsers[r.intn(len(serviceUsers))]
		}
	case monitor, scanner:
		if r.chance(15) {
			c.proto = "HTTP/1.0"
		}
	}
	return c
}

// v6Firsts are first 16 bits of IPv6 blocks that ISPs and clouds use.
var v6Firsts = []uint16{0x2001, 0x2003, 0x2a01, 0x2a02, 0x2a00, 0x2a0a, 0x2600, 0x2601, 0x2603, 0x2604, 0x2605, 0x2607, 0x2400, 0x2401, 0x2405, 0x2406, 0x2409, 0x240e, 0x2800, 0x2803, 0x2c0f}

// publicNet16 returns a /16 outside the private, loopback, link-local,
// shared, multicast and reserved ranges.
func publicNet16(r *rng) [2]byte {
	for {
		a, b := byte(r.between(1, 223)), byte(r.intn(256))
		switch {
		case a == 10, a == 127, a == 0,
			a == 100 && b >= 64 && b < 128,
			a == 169 && b == 254,
			a == 172 && b >= 16 && b < 32,
			a == 192 && b == 168,
			a == 198 && (b == 18 || b == 19):
			continue
		}
		return [2]byte{a, b}
	}
}
