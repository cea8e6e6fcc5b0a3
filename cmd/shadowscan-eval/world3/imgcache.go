package world3

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"sync"
)

var imgCache sync.Map // "site/num/i" -> []byte

// imageBytes renders (once) the i-th photo of a listing.
func imageBytes(site int, l *listing, i int) []byte {
	key := fmt.Sprintf("%d/%d/%d", site, l.num, i)
	if v, ok := imgCache.Load(key); ok {
		return v.([]byte)
	}
	data := l.imgs[i].render()
	imgCache.Store(key, data)
	return data
}

// thumb scales a JPEG down to w x h (the marketplace's _WxH suffix).
func thumb(data []byte, w, h int) []byte {
	if w <= 0 || h <= 0 || w > 1200 || h > 1200 {
		return data
	}
	src, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return data
	}
	rgba := image.NewRGBA(src.Bounds())
	draw.Draw(rgba, rgba.Rect, src, src.Bounds().Min, draw.Src)
	return encodeJPEG(resize(rgba, w, h), 90)
}
