// Package photo decodes untrusted images safely and computes the perceptual
// hashes shadowscan compares listing photos with.
//
// Every byte slice given to Decode is treated as hostile: its size is checked
// first, its format is sniffed from magic bytes (never trusted from a file
// name or a Content-Type header), only JPEG, PNG, GIF and WebP are accepted,
// and its declared dimensions are read with a config-only decode and refused
// before any pixel buffer is allocated when they exceed the Limits. A
// decoder panic is turned into an error.
//
// The decoders are kept in a table inside this package rather than
// registered with image.RegisterFormat, so what this package accepts does not
// depend on which blank imports happen to be linked into the binary.
//
// Hash returns a 64-bit pHash (DCT) and dHash (gradient) per image using
// github.com/corona10/goimagehash; Distance is the Hamming distance between
// two hashes. The hashes survive resizing, re-compression, small borders and
// small watermarks; they do not survive rotation by 90 degrees or mirroring,
// and EXIF orientation is not applied (the stored pixels are hashed).
package photo
