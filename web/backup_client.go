package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// FetchBackup asks the server at serverURL for a consistent copy of its
// store (GET /api/backup, with the access token as a bearer token) and
// hands the body to save, which fails at its end unless the whole copy
// came (a download cut short is never kept). It returns what save
// returns. An answer that is not 200 is EINTERNAL with the server's
// message, or its status.
func FetchBackup(ctx context.Context, serverURL, token string, save func(io.Reader) (int64, error)) (int64, error) {
	endpoint := strings.TrimRight(serverURL, "/") + "/api/backup"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint, nil)
	if err != nil {
		return 0, shadowscan.Errorf(shadowscan.EINVALID, "server %q: %v", serverURL, err)
	}
	req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(token))
	client := &http.Client{Timeout: 30 * time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("backup through %s: %w (is serve running there?)", endpoint, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var body struct {
			Message string `json:"message"`
		}
		// An answer that is not serve's JSON error falls back to the status.
		_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&body)
		if body.Message == "" {
			body.Message = resp.Status
		}
		return 0, shadowscan.Errorf(shadowscan.EINTERNAL, "backup through %s: %s: %s", endpoint, resp.Status, body.Message)
	}
	return save(&exactReader{r: resp.Body, want: resp.ContentLength})
}

// exactReader fails at the end of r unless it gave want bytes (want < 0:
// any number), so a download cut short is never kept as a backup.
type exactReader struct {
	r    io.Reader
	want int64
	n    int64
}

func (e *exactReader) Read(p []byte) (int, error) {
	k, err := e.r.Read(p)
	e.n += int64(k)
	if errors.Is(err, io.EOF) && e.want >= 0 && e.n != e.want {
		return k, fmt.Errorf("the copy ended after %d of %d bytes", e.n, e.want)
	}
	return k, err
}
