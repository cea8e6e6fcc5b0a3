package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/account"
)

func newUsersCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "users",
		Short: "Named users of the review UI and their roles: add, list, remove, set-role, passwd, token",
		Long: `Named users sign in to the review UI (shadowscan serve) with a password,
or call the JSON API with their own token, and every change they make is
recorded in their name. Each has a role:

  analyst      triage hits: confirm, dismiss, escalate
  enforcement  also mark hits reported or removed, export evidence, and
               start, cancel and resume scans in the web UI
  admin        also manage users, schedules, sites and backups

Without users, serve stays in single-user mode: no login on 127.0.0.1, the
access token elsewhere. Once a user exists, every request needs a login or
a user's token, on loopback too. Passwords are kept as bcrypt hashes and
tokens as SHA-256 hashes; the store file is made owner-only.

Run these commands while serve is stopped (serve holds the store); while
it runs, admins manage users on its /users page.`,
	}
	cmd.AddCommand(newUsersAddCommand(g), newUsersListCommand(g), newUsersRemoveCommand(g),
		newUsersSetRoleCommand(g), newUsersPasswdCommand(g), newUsersTokenCommand(g))
	return cmd
}

func newUsersAddCommand(g *Globals) *cobra.Command {
	var role, pwFile string
	cmd := &cobra.Command{
		Use:   "add NAME --role analyst|enforcement|admin [--password-file FILE]",
		Short: "Add a user; the password is asked for on the terminal",
		Example: `  shadowscan users add alice --role analyst
  shadowscan users add ops --role admin --password-file ops.pw   # for scripts`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if role == "" {
				return usagef("--role is required: analyst, enforcement or admin")
			}
			r, err := shadowscan.ParseRole(role)
			if err != nil {
				return usageError{fmt.Errorf("--role: %w", err)}
			}
			if err := shadowscan.ValidateUserName(args[0]); err != nil {
				return usageError{err}
			}
			pw, err := readPassword(g, pwFile, true)
			if err != nil {
				return err
			}
			return runUsersAdd(cmd.Context(), g, args[0], r, pw)
		},
	}
	cmd.Flags().StringVar(&role, "role", "", "the user's role: analyst, enforcement or admin (required)")
	cmd.Flags().StringVar(&pwFile, "password-file", "", "read the password from the first line of this file instead of the terminal")
	return cmd
}

// accounts opens the store (creating it when create is set: a team may
// add its users first) and returns the users service over it.
func accounts(ctx context.Context, g *Globals, create bool) (*account.Service, error) {
	open := g.Store
	if create {
		open = g.CreateStore
	}
	db, err := open(ctx)
	if err != nil {
		return nil, err
	}
	return account.New(db), nil
}

func runUsersAdd(ctx context.Context, g *Globals, name string, role shadowscan.Role, pw string) error {
	svc, err := accounts(ctx, g, true)
	if err != nil {
		return err
	}
	if _, err := svc.Add(ctx, name, role, pw); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "user %s added as %s; serve now asks everyone to log in\n", name, role)
	return nil
}

// readPassword reads a password from file (its first line), or asks for
// it on the terminal without echo, twice when confirm is set.
func readPassword(g *Globals, file string, confirm bool) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", usageError{fmt.Errorf("--password-file: %w", err)}
		}
		line, _, _ := bytes.Cut(b, []byte("\n"))
		pw := strings.TrimSuffix(string(line), "\r")
		if err := account.CheckPassword(pw); err != nil {
			return "", usageError{fmt.Errorf("--password-file %s: %w", file, err)}
		}
		return pw, nil
	}
	f, ok := g.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", usagef("no terminal to ask for the password on: give it with --password-file FILE")
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(g.Stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(g.Stderr)
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		return string(b), nil
	}
	pw, err := ask("Password: ")
	if err != nil {
		return "", err
	}
	if err := account.CheckPassword(pw); err != nil {
		return "", usageError{err}
	}
	if confirm {
		again, err := ask("Password again: ")
		if err != nil {
			return "", err
		}
		if again != pw {
			return "", usagef("the two passwords differ: nothing was changed")
		}
	}
	return pw, nil
}

func newUsersListCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "List the users with their roles",
		Args:  usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUsersList(cmd.Context(), g, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// userView is a user without secrets, for users list --json.
type userView struct {
	Name      string          `json:"name"`
	Role      shadowscan.Role `json:"role"`
	HasToken  bool            `json:"has_token"`
	CreatedAt string          `json:"created_at"`
}

func runUsersList(ctx context.Context, g *Globals, asJSON bool) error {
	svc, err := accounts(ctx, g, false)
	if err != nil {
		return err
	}
	us, err := svc.List(ctx) // without secrets, as the /users page reads them
	if err != nil {
		return err
	}
	views := make([]userView, 0, len(us))
	for _, u := range us {
		views = append(views, userView{Name: u.Name, Role: u.Role, HasToken: !u.TokenIssued.IsZero(), CreatedAt: u.CreatedAt.UTC().Format(time.RFC3339)})
	}
	if asJSON {
		return writeJSON(g.Stdout, views)
	}
	if len(views) == 0 {
		fmt.Fprintln(g.Stdout, "no users: serve runs in single-user mode; add one with shadowscan users add NAME --role analyst")
		return nil
	}
	t := newTable("NAME", "ROLE", "API TOKEN", "CREATED")
	for _, v := range views {
		tok := "none"
		if v.HasToken {
			tok = "yes"
		}
		t.add(v.Name, string(v.Role), tok, v.CreatedAt[:10])
	}
	return t.write(g.Stdout)
}

func newUsersRemoveCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a user (their history rows keep their name)",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := accounts(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			if err := svc.Remove(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(g.Stdout, "user %s removed\n", args[0])
			return nil
		},
	}
}

func newUsersSetRoleCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:     "set-role NAME analyst|enforcement|admin",
		Short:   "Give a user another role",
		Example: `  shadowscan users set-role alice enforcement`,
		Args:    usageArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := shadowscan.ParseRole(args[1])
			if err != nil {
				return usageError{err}
			}
			svc, err := accounts(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			if err := svc.SetRole(cmd.Context(), args[0], r); err != nil {
				return err
			}
			fmt.Fprintf(g.Stdout, "user %s is now %s\n", args[0], r)
			return nil
		},
	}
}

func newUsersPasswdCommand(g *Globals) *cobra.Command {
	var pwFile string
	cmd := &cobra.Command{
		Use:   "passwd NAME [--password-file FILE]",
		Short: "Set a user's password",
		Args:  usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			pw, err := readPassword(g, pwFile, true)
			if err != nil {
				return err
			}
			svc, err := accounts(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			if err := svc.SetPassword(cmd.Context(), args[0], pw); err != nil {
				return err
			}
			fmt.Fprintf(g.Stdout, "password of %s changed\n", args[0])
			return nil
		},
	}
	cmd.Flags().StringVar(&pwFile, "password-file", "", "read the password from the first line of this file instead of the terminal")
	return cmd
}

func newUsersTokenCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "token NAME",
		Short: "Make a new API token for a user (replaces the old one; shown once)",
		Long: `Make a new API token for a user and print it once: only its SHA-256 is
kept. It replaces the user's earlier token. API clients send it as
"Authorization: Bearer TOKEN" and act in the user's name and role.`,
		Example: `  TOKEN=$(shadowscan users token alice)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/hits?status=new`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := accounts(cmd.Context(), g, false)
			if err != nil {
				return err
			}
			tok, err := svc.IssueToken(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(g.Stdout, tok)
			return nil
		},
	}
}
