package logs

import (
	"strconv"
	"time"
)

// event is one request, scheduled or about to be written.
type event struct {
	t       int64 // microseconds since the Unix epoch
	seq     uint64
	client  int32
	product int32 // for product pages: the id, for their images and API calls
	repeat  int64 // for monitors: microseconds to the next probe
	status  int16
	expand  bool // a page view whose assets and next page are not scheduled yet
	landing bool
	method  string
	path    string
	size    int64  // body bytes; 0 is written "-"
	referer string // "" is written "-"
	visitor        // for a browser's requests
}

// visitor is the person behind a browser's requests. It is the client's
// own except on shared hosts (NAT gateways and proxies), where each visit
// may be someone else.
type visitor struct {
	ua        string // "" means the client's
	session   string // the analytics session id
	returning bool   // the site's assets are in the browser's cache
}

func (e *event) before(f *event) bool {
	return e.t < f.t || e.t == f.t && e.seq < f.seq
}

// traffic makes the requests of a log in time order. New visits arrive
// as a Poisson process whose rate follows the time of day; each draws a
// kind of client and then a host of that kind by Zipf's law, and what
// follows depends on the kind: a browser loads the page's assets and API
// calls over the next seconds and may go on to another page, a scanner
// probes a few paths in a burst. Scheduled requests wait in a min-heap by
// time, so the log is in time order.
type traffic struct {
	r       *rng
	site    *site
	clients *clients
	queue   []event // min-heap by (t, seq)
	seq     uint64
	next    int64 // time of the next new visit
	meanGap int64 // microseconds between new visits at average load
	buf     []byte
}

// maxQueue bounds the scheduled requests (memory stays constant); when
// it is full, new ones are dropped until it drains, except a monitor's
// next probe.
const maxQueue = 1 << 14

// hourLoad is the relative load (percent) in each hour of the day.
var hourLoad = [24]int64{45, 35, 30, 28, 30, 40, 60, 85, 110, 125, 135, 140, 140, 138, 135, 130, 128, 125, 120, 118, 115, 105, 85, 65}

func newTraffic(seed int64) *traffic {
	t := &traffic{
		r:    newRNG(seed, 3),
		site: newSite(newRNG(seed, 1)),
	}
	t.clients = newClients(seed)
	r := newRNG(seed, 4)
	day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.intn(730))
	t.next = day.Unix()*1e6 + int64(r.intn(60e6))
	t.meanGap = int64(1e6 / r.between(6, 20)) // 6 to 20 visits a second
	for id := t.clients.first[monitor]; id < t.clients.first[monitor+1]; id++ {
		e := t.probe(t.next+t.ms(0, 10000), id)
		e.repeat = []int64{10e6, 15e6, 30e6, 60e6}[r.intn(4)]
		t.push(e)
	}
	return t
}

// nextEvent returns the next request in time order.
func (t *traffic) nextEvent() event {
	e := t.nextRequest()
	if e.method == "HEAD" || e.status == 204 || e.status == 304 {
		e.size = 0 // no body
	}
	return e
}

func (t *traffic) nextRequest() event {
	if len(t.queue) > 0 && t.queue[0].t <= t.next {
		e := t.pop()
		if e.expand {
			t.followUps(&e)
		}
		if e.repeat > 0 {
			next := t.probe(e.t+e.repeat, e.client)
			next.repeat = e.repeat
			t.push(next)
		}
		return e
	}
	now := t.next
	load := hourLoad[now/3600e6%24]
	t.next += arrivalGap.sample(t.r) * t.meanGap * 100 / load / 1e6
	return t.visit(now)
}

func (t *traffic) push(e event) {
	if len(t.queue) >= maxQueue && e.repeat == 0 {
		return
	}
	e.seq = t.seq
	t.seq++
	t.queue = append(t.queue, e)
	q := t.queue
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if !q[i].before(&q[p]) {
			break
		}
		q[i], q[p] = q[p], q[i]
		i = p
	}
}

func (t *traffic) pop() event {
	q := t.queue
	e := q[0]
	n := len(q) - 1
	q[0] = q[n]
	q[n] = event{}
	q = q[:n]
	for i := 0; ; {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && q[r].before(&q[l]) {
			m = r
		}
		if !q[m].before(&q[i]) {
			break
		}
		q[i], q[m] = q[m], q[i]
		i = m
	}
	t.queue = q
	return e
}

// visitKinds weights the kinds of client a new visit comes from.
// Monitors are not among them: they come back at fixed intervals.
var visitKinds = newWeighted(
	w[clientKind]{45, browser}, w[clientKind]{18, app}, w[clientKind]{15, script},
	w[clientKind]{14, crawler}, w[clientKind]{8, scanner},
)

// burst is n requests from a client, lo to hi ms apart, each made by f.
// It returns the first and schedules the others.
func (t *traffic) burst(now int64, id int32, n, lo, hi int, f func(int64, int32) event) event {
	first := f(now, id)
	at := now
	for range n - 1 {
		at += t.ms(lo, hi)
		t.push(f(at, id))
	}
	return first
}

// visit starts what a client does when it arrives at time now: the
// kind of client is drawn first, then the client by Zipf's law.
func (t *traffic) visit(now int64) event {
	kind := visitKinds.pick(t.r)
	id := t.clients.pick(kind, t.r)
	switch kind {
	case app:
		return t.appSession(now, id)
	case crawler: // crawls a few pages at a polite pace
		return t.burst(now, id, t.r.between(1, 12), 500, 8000, t.crawl)
	case script: // a job making a few calls
		return t.burst(now, id, t.r.between(1, 6), 50, 2000, t.apiCall)
	case scanner: // probes a list of paths as fast as it can
		return t.burst(now, id, t.r.between(1, 8), 30, 900, t.scan)
	}
	c := t.clients.get(id)
	v := visitor{ua: c.ua, returning: c.returning, session: t.token(12)}
	if c.shared {
		v.ua, v.returning = uaStrings[browser].pick(t.r), t.r.chance(55)
	}
	e := t.page(now, id, true, t.landingReferer(), v)
	if e.expand {
		t.followUps(&e)
	}
	return e
}

// ms returns a random delay in microseconds between lo and hi ms.
func (t *traffic) ms(lo, hi int) int64 { return int64(t.r.between(lo*1000, hi*1000)) }

// page is a browser's view of a page. Its assets and the next page
// are scheduled when it is written (expand).
func (t *traffic) page(now int64, id int32, landing bool, referer string, v visitor) event {
	r, s := t.r, t.site
	e := event{t: now, client: id, method: "GET", referer: referer, landing: landing, visitor: v}
	b := t.buf[:0]
	kind := pageKinds.pick(r)
	switch kind {
	case home:
		b = append(b, '/')
	case product:
		n := r.logUniform(s.productMax * 11 / 10)
		e.product = int32(n)
		b = strconv.AppendInt(append(b, "/products/"...), int64(n), 10)
		if r.chance(15) {
			b = append(b, "?variant="...)
			b = strconv.AppendInt(b, int64(r.between(1, 6)), 10)
		}
	case category:
		b = append(append(b, "/category/"...), categories[r.intn(len(categories))]...)
		if r.chance(50) {
			b = strconv.AppendInt(append(b, "?page="...), int64(r.logUniform(40)), 10)
			if r.chance(40) {
				b = append(append(b, "&sort="...), sorts[r.intn(len(sorts))]...)
			}
		}
	case search:
		b = append(b, "/search?q="...)
		for i := range r.between(1, 3) {
			if i > 0 {
				b = append(b, '+')
			}
			b = append(b, words[r.intn(len(words))]...)
		}
		if r.chance(20) { // a model number
			b = strconv.AppendInt(append(b, '+'), int64(r.between(100, 9999)), 10)
		}
		if r.chance(20) {
			b = strconv.AppendInt(append(b, "&page="...), int64(r.between(2, 8)), 10)
		}
	case blogPost:
		b = append(append(b, "/blog/"...), s.blog[r.logUniform(len(s.blog))-1]...)
	case blogIndex:
		b = append(b, "/blog"...)
	case docs:
		b = append(b, s.docs[r.intn(len(s.docs))]...)
	case info:
		b = append(b, infoPages[r.intn(len(infoPages))]...)
	case account:
		b = append(b, accountPages[r.intn(len(accountPages))]...)
	case cart:
		b = append(b, "/cart"...)
	case checkout:
		b = append(b, "/checkout"...)
	case login:
		b = append(b, "/login"...)
		if r.chance(30) {
			b = append(b, "?next=%2Faccount%2Forders"...)
		}
	}
	if landing && len(referer) > 0 && r.chance(30) && kind != login {
		b = t.appendTracking(b)
	}
	t.buf = b
	e.path = string(b)

	e.status, e.size = 200, htmlSize.sample(r)
	switch {
	case (kind == login || kind == checkout) && r.chance(25):
		e.method, e.status, e.size = "POST", 302, s.redirect
	case kind == product && int(e.product) > s.productMax:
		e.status, e.size = 404, s.notFound
	case kind == blogIndex && r.chance(40):
		e.status, e.size = 301, s.redirect
	case kind == account && r.chance(30):
		e.status, e.size = 302, s.redirect
	case r.chance(0.3): // the firewall's verdict
		e.status, e.size = 403, s.forbidden
	case r.chance(0.4):
		e.status, e.size = 500, s.serverError
	case r.chance(0.2):
		e.status, e.size = 503, s.unavailable
	case v.returning && r.chance(6):
		e.status, e.size = 304, 0
	}
	e.expand = e.status == 200
	return e
}

type pageKind uint8

const (
	home pageKind = iota
	product
	category
	search
	blogPost
	blogIndex
	docs
	info
	account
	cart
	checkout
	login
)

var pageKinds = newWeighted(
	w[pageKind]{12, home}, w[pageKind]{26, product}, w[pageKind]{10, category},
	w[pageKind]{8, search}, w[pageKind]{9, blogPost}, w[pageKind]{2, blogIndex},
	w[pageKind]{8, docs}, w[pageKind]{6, info}, w[pageKind]{7, account},
	w[pageKind]{6, cart}, w[pageKind]{3, checkout}, w[pageKind]{3, login},
)

var (
	sorts        = []string{"price_asc", "price_desc", "newest", "rating", "popular"}
	infoPages    = []string{"/about", "/pricing", "/contact", "/faq", "/careers", "/shipping", "/returns", "/privacy", "/terms"}
	accountPages = []string{"/account", "/account/orders", "/account/settings", "/account/addresses", "/account/wishlist"}
)

// followUps schedules what a browser does after a page loads: the
// stylesheets, scripts and fonts on its first visit (a returning browser
// has them cached and at most revalidates the icon and logo), images,
// API calls from the page's scripts, and with 55% chance the next page.
func (t *traffic) followUps(p *event) {
	r, s := t.r, t.site
	ref := s.origin + p.path
	at := p.t + t.ms(20, 150)
	get := func(a asset, status int16) {
		e := event{t: at, client: p.client, visitor: p.visitor, method: "GET", path: a.path, status: status, size: a.size, referer: a.referer}
		if e.referer == "" {
			e.referer = ref
		}
		if status == 404 {
			e.size = s.notFound
		}
		t.push(e)
		at += t.ms(2, 60)
	}
	if p.landing {
		if !p.returning {
			for _, a := range s.css {
				get(a, 200)
			}
			for i, a := range s.js {
				if i < 3 || r.chance(50) {
					get(a, 200)
				}
			}
			get(s.logo, 200)
			for _, a := range s.fonts {
				get(a, 200)
			}
			get(s.favicon, 200)
		} else {
			if r.chance(40) {
				get(s.logo, 304)
				get(s.favicon, 304)
			}
			if r.chance(4) { // a script from an old deployment, cached in the page
				get(asset{path: "/static/js/app." + hexHash(r, 8) + ".js", size: s.notFound}, 404)
			}
		}
	}
	imgStatus := func() int16 {
		switch {
		case r.chance(1.5):
			return 404
		case p.returning && r.chance(60):
			return 304
		}
		return 200
	}
	at += t.ms(50, 400)
	switch {
	case p.product > 0:
		get(s.productImage(int(p.product), 800), imgStatus())
		for range r.between(0, 4) {
			get(s.productImage(int(p.product)+r.between(1, 30), 200), imgStatus())
		}
		if r.chance(70) {
			t.push(event{t: at + t.ms(100, 900), client: p.client, visitor: p.visitor, method: "GET", path: "/api/v1/recommendations?product_id=" + strconv.Itoa(int(p.product)) + "&limit=8", status: 200, size: apiSize.sample(r), referer: ref})
		}
		if r.chance(8) {
			add := event{t: at + t.ms(3000, 40000), client: p.client, visitor: p.visitor, method: "POST", path: "/api/v1/cart/items", status: 201, size: smallSize.sample(r), referer: ref}
			if r.chance(3) {
				add.status, add.size = 500, smallSize.sample(r)
			}
			t.push(add)
		}
	case p.path == "/":
		for range r.between(2, 4) {
			get(s.images[r.intn(8)], imgStatus())
		}
	case len(p.path) > 10 && p.path[:10] == "/category/":
		for range r.between(4, 10) {
			get(s.productImage(r.logUniform(s.productMax), 400), imgStatus())
		}
	case p.path == "/cart":
		t.push(event{t: at, client: p.client, visitor: p.visitor, method: "GET", path: "/api/v1/cart", status: 200, size: apiSize.sample(r), referer: ref})
		if r.chance(12) {
			item := "/api/v1/cart/items/" + strconv.Itoa(r.logUniform(s.productMax))
			change := event{t: at + t.ms(2000, 20000), client: p.client, visitor: p.visitor, method: "PUT", path: item, status: 200, size: smallSize.sample(r), referer: ref}
			if r.chance(40) {
				change.method, change.status, change.size = "DELETE", 204, 0
			}
			if r.chance(30) { // a cross-origin API sends a preflight first
				t.push(event{t: change.t - t.ms(20, 80), client: p.client, visitor: p.visitor, method: "OPTIONS", path: item, status: 204, referer: ref})
			}
			t.push(change)
		}
	default:
		for range r.between(0, 2) {
			get(s.images[r.intn(len(s.images))], imgStatus())
		}
	}
	if r.chance(30) {
		when := at + t.ms(1000, 4000)
		path := "/api/v1/events?sid=" + p.session + "&t=" + strconv.FormatInt(when/1000, 10)
		t.push(event{t: when, client: p.client, visitor: p.visitor, method: "POST", path: path, status: 204, referer: ref})
	}
	if r.chance(55) {
		next := p.t + 3e6 + arrivalGap.sample(r)*30
		t.push(t.page(next, p.client, false, ref, p.visitor))
	}
}

// landingReferer is where a visit comes from: typed or bookmarked (no
// referrer), a search engine, a social or news site, or another tab.
func (t *traffic) landingReferer() string {
	r := t.r
	switch u := r.intn(100); {
	case u < 42:
		return ""
	case u < 77:
		return searchEngines[r.intn(len(searchEngines))]
	case u < 90:
		if r.chance(40) {
			return "https://t.co/" + t.token(10)
		}
		return socialSites[r.intn(len(socialSites))]
	default:
		return t.site.origin + "/"
	}
}

var (
	searchEngines = []string{"https://www.google.com/", "https://www.google.com/", "https://www.google.com/", "https://www.google.co.uk/", "https://www.google.de/", "https://www.bing.com/", "https://duckduckgo.com/", "https://search.yahoo.com/", "https://yandex.ru/", "https://www.ecosia.org/"}
	socialSites   = []string{"https://www.facebook.com/", "https://l.facebook.com/", "https://www.reddit.com/", "https://news.ycombinator.com/", "https://www.instagram.com/", "https://www.linkedin.com/", "https://www.youtube.com/", "android-app://com.google.android.gm/"}
	campaigns     = []string{"spring_sale", "newsletter_0412", "retargeting", "brand", "black_friday", "launch"}
	mediums       = []string{"cpc", "social", "email", "affiliate"}
	sources       = []string{"google", "facebook", "newsletter", "instagram", "partner"}
)

// appendTracking adds the campaign parameters of a landing page URL.
func (t *traffic) appendTracking(b []byte) []byte {
	r := t.r
	sep := byte('?')
	for _, c := range b {
		if c == '?' {
			sep = '&'
		}
	}
	b = append(b, sep)
	switch r.intn(3) {
	case 0:
		return append(b, "gclid="+t.token(40)...)
	case 1:
		return append(b, "fbclid="+t.token(60)...)
	}
	b = append(append(b, "utm_source="...), sources[r.intn(len(sources))]...)
	b = append(append(b, "&utm_medium="...), mediums[r.intn(len(mediums))]...)
	return append(append(b, "&utm_campaign="...), campaigns[r.intn(len(campaigns))]...)
}

// token is a random URL-safe identifier, as click ids and short links are.
func (t *traffic) token(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[t.r.intn(64)]
	}
	return string(b)
}

// crawl is a search engine or other crawler fetching one URL.
func (t *traffic) crawl(now int64, id int32) event {
	r := t.r
	e := event{t: now, client: id, method: "GET", status: 200}
	switch u := r.intn(100); {
	case u < 5:
		e.path, e.size = "/robots.txt", 412
	case u < 9:
		e.path, e.size = "/sitemap.xml", xmlSize.sample(r)/20
		if r.chance(70) {
			e.path = "/sitemap-products-" + strconv.Itoa(r.between(1, 12)) + ".xml"
			e.size *= 20
		}
	default:
		p := t.page(now, id, false, "", visitor{})
		e.path, e.status, e.size = p.path, p.status, p.size
		if p.method != "GET" { // crawlers do not submit forms
			e.path, e.status, e.size = "/", 200, htmlSize.sample(r)
		}
		if p.status == 200 && r.chance(5) {
			e.status, e.size = 304, 0
		}
	}
	if r.chance(3) {
		e.method = "HEAD"
	}
	return e
}

// apiCall is a script or app using the site's API.
func (t *traffic) apiCall(now int64, id int32) event {
	r, s := t.r, t.site
	e := event{t: now, client: id, method: "GET", status: 200, size: apiSize.sample(r)}
	item := r.logUniform(s.productMax * 11 / 10)
	byItem := false // the path names item: unknown ids are a 404
	var b []byte
	switch u := r.intn(100); {
	case u < 25:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/items?id="...), int64(item), 10)
		byItem = true
		b = strconv.AppendInt(append(b, "&page="...), int64(r.logUniform(50)), 10)
	case u < 45:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/items/"...), int64(item), 10)
		byItem = true
	case u < 55:
		b = append(append(t.buf[:0], "/api/v1/items?category="...), categories[r.intn(len(categories))]...)
		b = strconv.AppendInt(append(b, "&limit=50&offset="...), int64(50*r.intn(40)), 10)
		e.size *= 8
	case u < 60:
		day := time.UnixMicro(now - int64(r.between(1, 7))*86400e6).UTC()
		b = day.AppendFormat(append(t.buf[:0], "/api/v1/orders?since="...), "2006-01-02")
		b = append(b, "&status=shipped"...)
	case u < 68:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/users/"...), int64(r.logUniform(200000)), 10)
	case u < 74:
		b = append(t.buf[:0], "/api/v1/items"...)
		e.method, e.status, e.size = "POST", 201, smallSize.sample(r)
	case u < 78:
		b = append(t.buf[:0], "/api/v1/orders"...)
		e.method, e.status, e.size = "POST", 201, smallSize.sample(r)
	case u < 84:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/items/"...), int64(item), 10)
		byItem = true
		e.method = "PUT"
	case u < 87:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/items/"...), int64(item), 10)
		byItem = true
		e.method, e.status, e.size = "DELETE", 204, 0
	case u < 90:
		b = strconv.AppendInt(append(t.buf[:0], "/api/v1/items/"...), int64(item), 10)
		byItem = true
		e.method = "HEAD"
	case u < 92:
		b = append(t.buf[:0], "/api/v1/items"...)
		e.method, e.status, e.size = "OPTIONS", 204, 0
	case u < 95:
		b = append(t.buf[:0], "/api/v1/events"...)
		e.method, e.status, e.size = "POST", 204, 0
	default:
		b = append(t.buf[:0], "/graphql"...)
		e.method = "POST"
	}
	t.buf = b
	e.path = string(b)
	switch u := r.intn(1000); {
	case byItem && item > s.productMax:
		e.status, e.size = 404, smallSize.sample(r)
	case u < 20 && t.clients.get(id).user == "-":
		e.status, e.size = 401, smallSize.sample(r)
	case u < 30:
		e.status, e.size = 403, smallSize.sample(r)
	case u < 40:
		e.status, e.size = 400, smallSize.sample(r)
	case u < 48:
		e.status, e.size = 429, smallSize.sample(r)
	case u < 53:
		e.status, e.size = 500, smallSize.sample(r)
	case u < 56:
		e.status, e.size = 503, s.unavailable
	}
	return e
}

// appSession is a mobile app being opened: its home screen, then a
// burst of API calls and product images over the next seconds.
func (t *traffic) appSession(now int64, id int32) event {
	r, s := t.r, t.site
	first := event{t: now, client: id, method: "GET", path: "/api/v1/home?lang=" + langs[r.intn(len(langs))], status: 200, size: 4 * apiSize.sample(r)}
	t.push(t.burst(now+t.ms(100, 2000), id, r.between(1, 11), 100, 5000, func(at int64, id int32) event {
		if r.chance(35) {
			img := s.productImage(r.logUniform(s.productMax), 400)
			return event{t: at, client: id, method: "GET", path: img.path, status: 200, size: img.size}
		}
		return t.apiCall(at, id)
	}))
	return first
}

var langs = []string{"en", "en", "en", "en-GB", "de", "fr", "es", "nl", "pt-BR", "ja"}

// probe is an uptime monitor or load balancer health check.
func (t *traffic) probe(now int64, id int32) event {
	e := event{t: now, client: id, method: "GET", path: "/healthz", status: 200, size: 2}
	if t.r.chance(40) {
		e.method, e.path = "HEAD", "/"
	}
	if t.r.chance(0.5) {
		e.status, e.size = 503, t.site.unavailable
	}
	return e
}

// scan is a vulnerability scanner's probe of a well-known path.
func (t *traffic) scan(now int64, id int32) event {
	r, s := t.r, t.site
	e := event{t: now, client: id, method: "GET", path: junkPaths[r.intn(len(junkPaths))], status: 404, size: s.notFound}
	switch u := r.intn(100); {
	case u < 10:
		e.method = "POST"
	case u < 14:
		e.method = "HEAD"
	}
	switch u := r.intn(100); {
	case e.path == "/.well-known/security.txt":
		e.status, e.size = 200, 312
	case u < 15:
		e.status, e.size = 403, s.forbidden
	case u < 18:
		e.status, e.size = 301, s.redirect
	case u < 20:
		e.status, e.size = 400, s.forbidden
	}
	return e
}

var junkPaths = []string{
	"/wp-login.php", "/wp-admin/", "/xmlrpc.php", "/.env", "/.env.production", "/.git/config", "/.git/HEAD",
	"/.aws/credentials", "/phpmyadmin/index.php", "/pma/", "/admin/config.php", "/admin/", "/administrator/",
	"/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php", "/cgi-bin/luci/;stok=/locale", "/actuator/env",
	"/actuator/health", "/server-status", "/config.json", "/backup.zip", "/db.sql", "/.DS_Store",
	"/wp-content/plugins/wp-file-manager/readme.txt", "/owa/auth/logon.aspx", "/boaform/admin/formLogin",
	"/HNAP1/", "/solr/admin/info/system?wt=json", "/?XDEBUG_SESSION_START=phpstorm", "/api/.env",
	"/.well-known/security.txt", "/telescope/requests", "/debug/default/view?panel=config", "/info.php",
	"/shell.php", "/wp-includes/wlwmanifest.xml", "/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession",
}
