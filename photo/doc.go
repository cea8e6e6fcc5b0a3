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
// Hash returns, per image, a 64-bit pHash (DCT) and dHash (gradient) using
// github.com/corona10/goimagehash, over a 64x64 grey thumbnail taken after
// trimming white, light grey or black padding, and a 256-bit PDQ hash with
// its quality, written from Meta's published description of PDQ (luma,
// Jarosz tent filter to 64x64, 16x16 DCT, median threshold, gradient
// quality). Both reductions come from one pass over the photo's rows.
// Distance is the Hamming distance between two 64-bit hashes;
// shadowscan.PDQ has its own. Flat single-colour images are refused with
// ErrFlat, since their hashes would all match each other.
//
// HashOfficial adds the variants an official photo is matched by: its
// seven turns and mirror images (PDQ from the same DCT coefficients, pHash
// from the turned thumbnail), 27 crops, and the trims a white or black
// canvas would cause. PDQ is exact to the description: its tent filter
// and its turned hashes are tested against a slow, literal version.
//
// make eval prints, per edit, how many re-uploads each hash finds at a
// threshold that lets at most 0.1 % of pairs of different photos match.
// On their own, neither pHash nor PDQ survives quarter turns, mirroring or
// crops of 10 % and more; with the variants both do. PDQ's 16x16
// frequencies make it more sensitive than pHash to shifts (a crop offset
// by 2.5 % moves it by about 100 of 256 bits), so crops rely on the crop
// variants. EXIF orientation is not applied (the stored pixels are
// hashed).
package photo
