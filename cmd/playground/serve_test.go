//go:build !(js && wasm)

package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandler checks the file server: .wasm as application/wasm, gzipped
// for a client that asks, plain for one that does not, and the folder's
// index.html at /.
func TestHandler(t *testing.T) {
	dir := t.TempDir()
	wasm := strings.Repeat("\x00asm", 1000)
	os.WriteFile(filepath.Join(dir, "sinenet.wasm"), []byte(wasm), 0o644)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html>"), 0o644)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()

	get := func(path string, gz bool) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		} else {
			req.Header.Set("Accept-Encoding", "identity")
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			if r, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(err)
			}
		}
		b, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		return resp, string(b)
	}
	for _, gz := range []bool{true, false} {
		resp, body := get("/sinenet.wasm", gz)
		if typ := resp.Header.Get("Content-Type"); typ != "application/wasm" || body != wasm {
			t.Errorf("gzip %v: /sinenet.wasm is %s, %d bytes, want application/wasm, %d bytes", gz, typ, len(body), len(wasm))
		}
		if enc := resp.Header.Get("Content-Encoding"); (enc == "gzip") != gz {
			t.Errorf("gzip %v: Content-Encoding %q", gz, enc)
		}
		if gz && resp.ContentLength >= int64(len(wasm)) {
			t.Errorf("gzipped, /sinenet.wasm sends %d bytes of %d", resp.ContentLength, len(wasm))
		}
	}
	if resp, body := get("/", true); !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || body != "<!doctype html>" {
		t.Errorf("/ is %s: %q", resp.Header.Get("Content-Type"), body)
	}
	if resp, _ := get("/missing.js", true); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/missing.js: %s", resp.Status)
	}
}
