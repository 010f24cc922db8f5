package logs_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"log"

	"github.com/aesbench/aesbench/logs"
)

func ExampleGenerate() {
	var buf bytes.Buffer
	st, err := logs.Generate(context.Background(), &buf, logs.Options{Size: 2000, Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Compressed == int64(buf.Len()), st.Compressed > 2000-5)

	zr, err := gzip.NewReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	for range 2 {
		sc.Scan()
		fmt.Println(sc.Text())
	}
	// Output:
	// true true
	// 93.96.98.153 - - [21/Aug/2026:00:00:48 +0000] "GET /products/14?utm_source=facebook&utm_medium=email&utm_campaign=black_friday HTTP/2.0" 200 26053 "https://duckduckgo.com/" "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Mobile Safari/537.36"
	// 93.96.98.153 - - [21/Aug/2026:00:00:48 +0000] "GET /static/css/main.6cf70c99.css HTTP/2.0" 200 136882 "https://www.example.org/products/14?utm_source=facebook&utm_medium=email&utm_campaign=black_friday" "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Mobile Safari/537.36"
}

func ExampleParseFormat() {
	f, err := logs.ParseFormat("JSON")
	fmt.Println(f, err)
	_, err = logs.ParseFormat("xml")
	fmt.Println(err)
	// Output:
	// json <nil>
	// unknown log format "xml" (valid: combined, json)
}
