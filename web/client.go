package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// Client speaks to a running serve through its JSON API, with the access
// token (the shared STORE.token or a user's) as a bearer token: what
// `scan --remote` and `review list --remote` use while serve holds the
// store.
type Client struct {
	base  string
	token string
	http  *http.Client
}

// clientTimeout bounds one API request: none of those the client makes
// streams (a scan is followed by polling its run).
const clientTimeout = time.Minute

// NewClient returns a client of the serve at serverURL (http or https,
// such as http://127.0.0.1:8080). token may be empty: a serve on
// loopback without named users needs none. EINVALID for a URL that is
// not a server's.
func NewClient(serverURL, token string) (*Client, error) {
	u, err := url.Parse(serverURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "server %q: give serve's URL, such as http://127.0.0.1:8080", serverURL)
	}
	return &Client{base: strings.TrimRight(u.String(), "/"), token: strings.TrimSpace(token), http: &http.Client{Timeout: clientTimeout}}, nil
}

// APIError is an answer of the server that is not a success: its HTTP
// status and the code and message of its JSON error body.
type APIError struct {
	Status  int
	Code    string
	Message string
	// Endpoint is the method and URL asked.
	Endpoint string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s: %d %s: %s", e.Endpoint, e.Status, e.Code, e.Message)
}

// Refused reports whether the server refused the credentials (401) or
// the user's role (403).
func (e *APIError) Refused() bool {
	return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
}

// StartScan asks the server to run req (POST /api/scans) and returns the
// run as it starts. An *APIError when the server refuses it: 400 for a
// bad request (the message names the field), 409 when one of its sites
// is being scanned.
func (c *Client) StartScan(ctx context.Context, req ScanRequest) (RunInfo, error) {
	b := scanBody{Sites: req.Sites, Brand: req.BrandID, Queries: req.Queries, MaxPages: req.MaxPages, Resume: req.Resume}
	var info RunInfo
	err := c.do(ctx, http.MethodPost, "/api/scans", b, &info)
	return info, err
}

// Run returns the run id as the server has it now (GET
// /api/scans/runs/{run}).
func (c *Client) Run(ctx context.Context, id uint64) (RunInfo, error) {
	var info RunInfo
	err := c.do(ctx, http.MethodGet, runPath(id), nil, &info)
	return info, err
}

// CancelRun asks the server to cancel run id (POST
// /api/scans/runs/{run}/cancel). An *APIError with status 409 when the
// run ended already.
func (c *Client) CancelRun(ctx context.Context, id uint64) (RunInfo, error) {
	var info RunInfo
	err := c.do(ctx, http.MethodPost, runPath(id)+"/cancel", nil, &info)
	return info, err
}

// hitsPage is how many hits one GET /api/hits asks for: the API's most.
const hitsPage = 500

// Hits returns every hit passing f (Limit 0: all; else at most Limit),
// highest score first, read page by page from GET /api/hits. Hits that
// change while it reads may be missed or seen twice, as with any paged
// read of a live queue.
func (c *Client) Hits(ctx context.Context, f shadowscan.HitFilter) ([]HitView, error) {
	q := url.Values{}
	for k, v := range map[string]string{"status": string(f.Status), "category": string(f.Category), "brand": f.BrandID, "site": f.Site, "seller": f.SellerID} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if f.MinScore > 0 {
		q.Set("min_score", strconv.Itoa(f.MinScore))
	}
	out := []HitView{}
	for offset := f.Offset; ; {
		want := hitsPage
		if f.Limit > 0 {
			want = min(want, f.Limit-len(out))
		}
		q.Set("limit", strconv.Itoa(want))
		q.Set("offset", strconv.Itoa(offset))
		var page hitList
		if err := c.do(ctx, http.MethodGet, "/api/hits?"+q.Encode(), nil, &page); err != nil {
			return nil, err
		}
		out = append(out, page.Hits...)
		offset += len(page.Hits)
		if len(page.Hits) < want || offset >= page.Total || (f.Limit > 0 && len(out) >= f.Limit) {
			return out, nil
		}
	}
}

// do sends one request with body as JSON (nil: none) and decodes a 2xx
// answer into out, or returns the server's error as an *APIError.
func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	endpoint := c.base + path
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, endpoint, rd)
	if err != nil {
		return shadowscan.Errorf(shadowscan.EINVALID, "%s %s: %v", method, endpoint, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w (is serve running there?)", method, endpoint, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		var eb errorBody
		// An answer that is not serve's JSON error falls back to the status.
		_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&eb)
		if eb.Message == "" {
			eb.Message = resp.Status
		}
		return &APIError{Status: resp.StatusCode, Code: eb.Code, Message: eb.Message, Endpoint: method + " " + endpoint}
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 64<<20)).Decode(out); err != nil {
		return fmt.Errorf("%s %s: the answer could not be read: %w", method, endpoint, err)
	}
	return nil
}
