package logs

import (
	"strconv"
	"time"
)

// renderer writes events as lines of one format. The time stamp is
// formatted once per second of log time, since many lines share it.
type renderer struct {
	format Format
	sec    int64
	stamp  []byte
}

func newRenderer(f Format) *renderer { return &renderer{format: f, sec: -1} }

func (rd *renderer) timestamp(us int64) []byte {
	if sec := us / 1e6; sec != rd.sec {
		rd.sec = sec
		layout := "02/Jan/2006:15:04:05 -0700"
		if rd.format == JSON {
			layout = "2006-01-02T15:04:05-07:00"
		}
		rd.stamp = time.Unix(sec, 0).UTC().AppendFormat(rd.stamp[:0], layout)
	}
	return rd.stamp
}

// appendLine appends e as a line, newline included. The strings it
// copies need no escaping in either format: the vocabulary has no quotes,
// backslashes or control characters (a test checks).
func (rd *renderer) appendLine(b []byte, e *event, c *client) []byte {
	if rd.format == JSON {
		return rd.appendJSON(b, e, c)
	}
	b = append(b, c.addr...)
	b = append(b, " - "...)
	b = append(b, c.user...)
	b = append(b, " ["...)
	b = append(b, rd.timestamp(e.t)...)
	b = append(b, "] \""...)
	b = append(b, e.method...)
	b = append(b, ' ')
	b = append(b, e.path...)
	b = append(b, ' ')
	b = append(b, c.proto...)
	b = append(b, "\" "...)
	b = strconv.AppendInt(b, int64(e.status), 10)
	if e.size == 0 {
		b = append(b, " -"...)
	} else {
		b = strconv.AppendInt(append(b, ' '), e.size, 10)
	}
	b = append(b, " \""...)
	b = appendOrDash(b, e.referer)
	b = append(b, "\" \""...)
	b = append(b, e.userAgent(c)...)
	return append(b, "\"\n"...)
}

func appendOrDash(b []byte, s string) []byte {
	if s == "" {
		return append(b, '-')
	}
	return append(b, s...)
}

func (rd *renderer) appendJSON(b []byte, e *event, c *client) []byte {
	b = append(b, `{"host":"`...)
	b = append(b, c.addr...)
	b = append(b, `","ident":"","user":"`...)
	if c.user != "-" {
		b = append(b, c.user...)
	}
	b = append(b, `","time":"`...)
	b = append(b, rd.timestamp(e.t)...)
	b = append(b, `","method":"`...)
	b = append(b, e.method...)
	b = append(b, `","path":"`...)
	b = append(b, e.path...)
	b = append(b, `","protocol":"`...)
	b = append(b, c.proto...)
	b = append(b, `","status":`...)
	b = strconv.AppendInt(b, int64(e.status), 10)
	b = append(b, `,"bytes":`...)
	b = strconv.AppendInt(b, e.size, 10)
	b = append(b, `,"referer":"`...)
	b = append(b, e.referer...)
	b = append(b, `","user_agent":"`...)
	if ua := e.userAgent(c); ua != "-" {
		b = append(b, ua...)
	}
	return append(b, "\"}\n"...)
}

func (e *event) userAgent(c *client) string {
	if e.ua != "" {
		return e.ua
	}
	return c.ua
}
