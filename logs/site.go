package logs

import (
	"fmt"
	"strconv"
	"strings"
)

// site is the web site a log is from: its name, static assets (whose
// sizes are fixed, as a file's size is), and the vocabulary its page and
// API paths are made of. A seed gives one site.
type site struct {
	origin string // scheme and host, for own-site referrers

	css, js, fonts []asset
	favicon, logo  asset
	images         []asset // banners and icons shared by pages

	blog        []string // post slugs
	docs        []string // "/docs/section/topic"
	productMax  int      // product ids are 1..productMax; above it 404
	redirect    int64    // body size of a 301 or 302
	notFound    int64    // body size of the 404 page
	forbidden   int64
	serverError int64
	unavailable int64
}

type asset struct {
	path    string
	size    int64
	referer string // "" means the page that loads it
}

var origins = []string{"https://www.example.com", "https://shop.example.net", "https://www.example.org", "https://store.example.com"}

// Size distributions by content type (median bytes, sigma of the log).
var (
	htmlSize   = logNormal(28000, 0.45)
	apiSize    = logNormal(1400, 1.1)
	cssSize    = logNormal(45000, 0.8)
	jsSize     = logNormal(140000, 0.9)
	imageSize  = logNormal(60000, 1.0)
	iconSize   = logNormal(3000, 0.8)
	fontSize   = logNormal(32000, 0.3)
	xmlSize    = logNormal(90000, 0.7)
	smallSize  = logNormal(120, 0.6) // 201 bodies, error JSON
	arrivalGap = exponential1e6()
)

var words = strings.Fields(`
	wireless headphones running shoes coffee grinder standing desk camera lens
	backpack water bottle yoga mat kitchen knife laptop stand mechanical keyboard
	monitor arm desk lamp phone case charger cable hiking boots rain jacket
	sunglasses wallet watch strap espresso machine blender cookware set towel
	pillow mattress office chair bike helmet tent sleeping bag guide review
	best cheap vs how to choose size chart return policy shipping gift ideas
	winter summer sale black white blue green small large pro mini organic`)

var categories = []string{"electronics", "audio", "computers", "home", "kitchen", "outdoor", "sports", "fashion", "shoes", "bags", "books", "toys", "beauty", "garden", "office", "gifts", "sale", "new-arrivals"}

var docSections = map[string][]string{
	"getting-started": {"installation", "quick-start", "configuration", "first-order"},
	"api":             {"authentication", "pagination", "errors", "rate-limits", "webhooks", "items", "orders", "users"},
	"guides":          {"shipping", "returns", "payments", "taxes", "inventory", "bulk-import"},
	"reference":       {"cli", "sdk-python", "sdk-go", "sdk-js", "changelog"},
}

// hexHash makes a content hash as bundlers put in asset names.
func hexHash(r *rng, n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[r.intn(16)]
	}
	return string(b)
}

func newSite(r *rng) *site {
	s := &site{origin: origins[r.intn(len(origins))]}
	s.css = []asset{
		{path: "/static/css/main." + hexHash(r, 8) + ".css", size: cssSize.sample(r)},
		{path: "/static/css/vendor." + hexHash(r, 8) + ".css", size: cssSize.sample(r)},
	}
	s.js = []asset{
		{path: "/static/js/runtime." + hexHash(r, 8) + ".js", size: iconSize.sample(r)},
		{path: "/static/js/vendor." + hexHash(r, 8) + ".js", size: 3 * jsSize.sample(r)},
		{path: "/static/js/app." + hexHash(r, 8) + ".js", size: jsSize.sample(r)},
	}
	for i := range r.between(1, 4) {
		s.js = append(s.js, asset{path: fmt.Sprintf("/static/js/chunk-%d.%s.js", 100+17*i, hexHash(r, 8)), size: jsSize.sample(r) / 3})
	}
	for _, f := range []string{"inter-regular", "inter-bold", "icons"} {
		s.fonts = append(s.fonts, asset{path: "/static/fonts/" + f + "." + hexHash(r, 6) + ".woff2", size: fontSize.sample(r), referer: s.origin + s.css[0].path})
	}
	s.favicon = asset{path: "/favicon.ico", size: 15086}
	s.logo = asset{path: "/static/img/logo.svg", size: iconSize.sample(r)}
	for _, name := range []string{"hero-spring", "hero-sale", "banner-shipping", "promo-1", "promo-2", "promo-3", "team", "office"} {
		s.images = append(s.images, asset{path: "/static/img/" + name + ".webp", size: imageSize.sample(r)})
	}
	for _, name := range []string{"cart", "search", "user", "menu", "star", "arrow-right", "close", "heart"} {
		s.images = append(s.images, asset{path: "/static/img/icons/" + name + ".svg", size: iconSize.sample(r) / 4})
	}
	for range 60 {
		n := r.between(2, 5)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = words[r.intn(len(words))]
		}
		s.blog = append(s.blog, strings.Join(parts, "-"))
	}
	for _, sec := range []string{"getting-started", "api", "guides", "reference"} {
		for _, t := range docSections[sec] {
			s.docs = append(s.docs, "/docs/"+sec+"/"+t)
		}
	}
	s.productMax = r.between(20000, 40000)
	s.redirect = int64(r.between(0, 180))
	s.notFound = int64(r.between(3000, 9000))
	s.forbidden = int64(r.between(150, 600))
	s.serverError = int64(r.between(500, 2500))
	s.unavailable = int64(r.between(150, 600))
	return s
}

// productImage is the picture of a product at a width. Its size depends
// only on the product and width, as a stored file's does.
func (s *site) productImage(id, width int) asset {
	var r rng
	r.pcg.Seed(mix64(uint64(id)), uint64(width))
	return asset{
		path: "/images/products/" + strconv.Itoa(id) + "-" + strconv.Itoa(width) + ".jpg",
		size: imageSize.sample(&r) * int64(width) / 800,
	}
}
