package web

import (
	"context"
	"io"
	"log/slog"
	"strconv"
)

type contextT = context.Context

func slogTo(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }

func itoa(n uint64) string { return strconvFormat(n) }

func strconvFormat(n uint64) string { return strconv.FormatUint(n, 10) }
