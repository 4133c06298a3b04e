//go:build !(js && wasm)

package main

// Outside the browser, this folder builds the page's file server:
//
//	go run ./cmd/playground -dir out/playground
//
// serves the folder that make playground builds on 127.0.0.1:8090. It
// sends .wasm as application/wasm, which WebAssembly.compileStreaming
// requires, gzips what the browser accepts gzipped (the .wasm shrinks
// to about a quarter), and asks browsers to revalidate every file, so
// that a rebuilt page shows at once.

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8090", "the address to serve on")
	dir := flag.String("dir", "out/playground", "the folder to serve, as make playground builds it")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "index.html")); err != nil {
		log.Fatalf("playground: no page in %s (%v); build it with make playground", *dir, err)
	}
	fmt.Printf("playground: serving %s on http://%s/\n", *dir, *addr)
	log.Fatal(http.ListenAndServe(*addr, Handler(*dir)))
}

// Handler serves the files of dir, gzipped for a client that accepts it.
func Handler(dir string) http.Handler {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	files := http.FileServer(http.Dir(dir))
	var mu sync.Mutex
	cache := map[string]gzipped{} // by path
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || r.Method != http.MethodGet {
			files.ServeHTTP(w, r)
			return
		}
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || fi.IsDir() {
			files.ServeHTTP(w, r)
			return
		}
		mu.Lock()
		z, ok := cache[name]
		if !ok || !z.mod.Equal(fi.ModTime()) {
			z, err = compress(filepath.Join(dir, filepath.FromSlash(name)), fi.ModTime())
			if err == nil {
				cache[name] = z
			}
		}
		mu.Unlock()
		if err != nil {
			files.ServeHTTP(w, r)
			return
		}
		typ := mime.TypeByExtension(path.Ext(name))
		if typ == "" {
			typ = "application/octet-stream"
		}
		w.Header().Set("Content-Type", typ)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		http.ServeContent(w, r, name, fi.ModTime(), bytes.NewReader(z.data))
	})
}

// gzipped is a file's gzipped bytes, as of its modification time.
type gzipped struct {
	data []byte
	mod  time.Time
}

func compress(file string, mod time.Time) (gzipped, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return gzipped{}, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		return gzipped{}, err
	}
	return gzipped{buf.Bytes(), mod}, nil
}
