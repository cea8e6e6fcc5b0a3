package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/crypto/bcrypt"

	"github.com/shadowscan/shadowscan/store"
)

// openPTY opens a pseudo-terminal with the syscall package alone: the
// controller (what a person types into) and the terminal end the command
// reads its password from.
func openPTY(t *testing.T) (controller, term *os.File) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlock the pty: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("pty number: %v", e)
	}
	pts, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open the pty's terminal end: %v", err)
	}
	t.Cleanup(func() { pts.Close() })
	return ptmx, pts
}

// TestUsersAddAsksForThePassword: without --password-file, users add asks
// for the password twice on the terminal, stores only its bcrypt hash, and
// refuses two passwords that differ.
func TestUsersAddAsksForThePassword(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustCLI(t, db, "init")
	for _, c := range []struct {
		name, typed string
		code        int
		want        string
	}{
		{"carol", "correct horse\ncorrect horse\n", exitOK, "user carol added as admin"},
		{"dave", "correct horse\nbattery staple\n", exitUsage, "the two passwords differ"},
	} {
		ctl, term := openPTY(t)
		if _, err := ctl.WriteString(c.typed); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		code := run(context.Background(), []string{"--db", db, "users", "add", c.name, "--role", "admin"}, term, &out, &errb)
		if code != c.code || !strings.Contains(out.String()+errb.String(), c.want) || !strings.Contains(errb.String(), "Password again: ") {
			t.Errorf("users add %s typing %q: exit %d, out %q, err %q; want exit %d saying %q after asking twice", c.name, c.typed, code, out.String(), errb.String(), c.code, c.want)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.User(context.Background(), "carol")
	if err != nil || bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte("correct horse")) != nil {
		t.Errorf("carol's stored password does not check: %v", err)
	}
	if _, err := s.User(context.Background(), "dave"); err == nil {
		t.Error("dave was added with two different passwords")
	}
}
