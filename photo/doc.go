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
// github.com/corona10/goimagehash, over a 64x64 grey thumbnail taken after
// trimming white or black padding; Distance is the Hamming distance between
// two hashes. Flat single-colour images are refused with ErrFlat, since
// their hashes would all match each other.
//
// On the shared near-duplicate set (TestNearDuplicateFigures) the pHash of
// resized, thumbnailed, re-compressed (JPEG q15), brightened, watermarked,
// logo-stamped and square-padded copies stays within 10 bits of the original
// (medians 0-4), while distinct pictures are 20 or more bits apart. Hashes
// do not survive rotation, mirroring or heavy crops, and EXIF orientation is
// not applied (the stored pixels are hashed).
package photo
