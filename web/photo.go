package web

import (
	"net/http"
	"strconv"

	"github.com/shadowscan/shadowscan"
)

// rasterTypes are the only content types a photo is served as.
var rasterTypes = map[string]bool{"image/jpeg": true, "image/png": true, "image/gif": true, "image/webp": true}

// servePhoto sniffs data and serves it only when it is a raster image,
// with the sniffed type, nosniff and a sandboxing policy: a listing photo
// is the marketplace's bytes, and may be anything.
func (s *Server) servePhoto(w http.ResponseWriter, r *http.Request, data []byte) {
	ct := http.DetectContentType(data)
	if !rasterTypes[ct] {
		s.refuse(w, r, &httpError{status: http.StatusUnsupportedMediaType, code: codeUnsupported,
			message: "this photo is not a JPEG, PNG, GIF or WebP image (it sniffs as " + ct + ") and is not served"})
		return
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Content-Disposition", "inline")
	h.Set("Cache-Control", "private, max-age=3600")
	h.Set("Content-Length", strconv.Itoa(len(data)))
	_, _ = w.Write(data) // a write fails only when the client has gone: nothing to tell it
}

func photoIndex(r *http.Request) (int, error) {
	v := r.PathValue("n")
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 1000 {
		return 0, &shadowscan.FieldError{Field: "n", Msg: strconv.Quote(v) + " is not a photo number", Accepted: "0 for the first photo, 1 for the second, ..."}
	}
	return n, nil
}

// handleListingPhoto serves photo n of a hit's listing from the capture
// taken when the photo was fetched.
func (s *Server) handleListingPhoto(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	n, err := photoIndex(r)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	ctx := r.Context()
	h, err := s.store.Hit(ctx, id)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	if n >= len(h.Listing.Images) {
		s.refuse(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "hit %d has %d photo(s), no photo %d", id, len(h.Listing.Images), n))
		return
	}
	img := h.Listing.Images[n]
	caps, err := s.store.Captures(ctx, h.Listing.Site, h.Listing.ID)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	sha := ""
	// The newest successful capture of that URL, preferring one whose
	// digest is the photo's own.
	for i := len(caps) - 1; i >= 0; i-- {
		c := caps[i]
		if c.URL != img.URL || c.Status != http.StatusOK || c.BodySHA256 == "" || (c.Kind != "" && c.Kind != "photo") {
			continue
		}
		if sha == "" || c.BodySHA256 == img.SHA256 {
			sha = c.BodySHA256
		}
		if sha == img.SHA256 {
			break
		}
	}
	if sha == "" {
		s.refuse(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "photo %d of hit %d was not captured", n, id))
		return
	}
	data, err := s.store.Blob(ctx, sha)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	s.servePhoto(w, r, data)
}

// handleProductPhoto serves official photo n of a catalogue product.
func (s *Server) handleProductPhoto(w http.ResponseWriter, r *http.Request) {
	n, err := photoIndex(r)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	sku := r.PathValue("sku")
	p, err := s.store.Product(r.Context(), sku)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	if n >= len(p.Images) || p.Images[n].SHA256 == "" {
		s.refuse(w, r, shadowscan.Errorf(shadowscan.ENOTFOUND, "product %s has no stored photo %d", sku, n))
		return
	}
	data, err := s.store.Blob(r.Context(), p.Images[n].SHA256)
	if err != nil {
		s.refuse(w, r, err)
		return
	}
	s.servePhoto(w, r, data)
}
