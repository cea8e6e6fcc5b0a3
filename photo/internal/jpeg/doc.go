// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package jpeg is the standard library's JPEG decoder (image/jpeg, Go
// 1.26, BSD licence in LICENSE), cut down to what photo hashing needs and
// made faster for it, with the same output bit for bit:
//
//   - DecodeLuma decodes only the luma (Y) plane of a YCbCr JPEG: the
//     chroma blocks are entropy-decoded (the bitstream interleaves them)
//     but never dequantised, transformed or stored. Photo hashes read only
//     luma, and the luma of image/jpeg's *image.YCbCr is its Y plane.
//   - The inverse DCT skips the rows of coefficients that are all zero
//     and, when only the first row has any, fills each column from its
//     first value, computing exactly what the full transform computes
//     (most blocks of a photo have few coefficients).
//   - The bit reader holds 64 bits and tops them up from the buffered
//     bytes ahead of need (never past a marker), so that most AC
//     coefficients are decoded without a call; the bytes are read as
//     image/jpeg reads them, only earlier.
//   - The pixel buffer can be handed in, so a caller that hashes many
//     photos reuses one.
//
// RGB, CMYK and YCCK JPEGs, whose first channel is not luma, are refused
// with ErrNotLuma; decode those with image/jpeg.
//
// JPEG is defined in ITU-T T.81: https://www.w3.org/Graphics/JPEG/itu-t81.pdf.
package jpeg
