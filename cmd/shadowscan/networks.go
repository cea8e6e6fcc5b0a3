package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/network"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/scan"
	"github.com/shadowscan/shadowscan/store"
	"github.com/shadowscan/shadowscan/web"
)

func newNetworksCommand(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "networks",
		Short: "Seller networks: shops linked by shared handles, photos, names and prices",
		Long: `Counterfeit shops rarely work alone: one workshop runs several shops, on one
site or several, and reuses its photos and contact handles. shadowscan links
two shops by evidence an analyst can check:

  handle       the same WeChat id, QQ number, phone number, Telegram name,
               e-mail address or external shop link in their listings
               (full-width, spaced-out and Chinese-numeral digits folded)
  photo        the same listing photo (PDQ or pHash), never an official one:
               not a catalogue photo, not one an official or authorised shop shows
  shop_name    near-identical shop names, generic words (旗舰店, shop) taken off
  product_set  the same catalogue products at the same prices (list and
               floor prices, which honest shops share, left out)

Each piece of evidence adds its strength (detection rules, networks.strength);
shops whose shared strength reaches networks.min_strength are in one
network. By the default rules a shared handle joins two shops on its own;
one photo, a name or a product set does not. Official shops are never in a
network. A scan raises every shop of a network that holds a confirmed hit
with a "network" reason naming the link.`,
	}
	cmd.AddCommand(newNetworksListCommand(g), newNetworksShowCommand(g))
	return cmd
}

func newNetworksListCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [--json]",
		Short: "The seller networks, those with confirmed hits first",
		Example: `  shadowscan networks list
  shadowscan networks list --json`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNetworksList(cmd.Context(), g, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of networks with their shops and links")
	return cmd
}

func newNetworksShowCommand(g *Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "show ID [--json]",
		Short:   "One network: its shops, their listings and hits, and every link with its evidence",
		Example: `  shadowscan networks show n1a2b3c4d5`,
		Args:    usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNetworksShow(cmd.Context(), g, args[0], asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the network as JSON")
	return cmd
}

func loadNetworks(ctx context.Context, g *Globals) ([]shadowscan.Network, error) {
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	db, err := g.Store(ctx)
	if err != nil {
		return nil, err
	}
	return scan.Networks(ctx, db, set.Detection)
}

func runNetworksList(ctx context.Context, g *Globals, asJSON bool) error {
	nets, err := loadNetworks(ctx, g)
	if err != nil {
		return err
	}
	if asJSON {
		if nets == nil {
			nets = []shadowscan.Network{}
		}
		return writeJSON(g.Stdout, nets)
	}
	if len(nets) == 0 {
		fmt.Fprintln(g.Stdout, "no seller networks: no two shops share enough evidence")
		return nil
	}
	t := newTable("ID", "SHOPS", "SITES", "LISTINGS", "HITS", "CONFIRMED", "LINKS", "STRONGEST LINK")
	for _, n := range nets {
		s := summarise(n)
		t.add(n.ID, fmt.Sprint(len(n.Shops)), strings.Join(s.sites, ","), fmt.Sprint(s.listings), fmt.Sprint(s.hits),
			countCell(s.confirmed), fmt.Sprint(len(n.Links)), truncate(plain(n.Links[0].Detail), 60))
	}
	if err := t.write(g.Stdout); err != nil {
		return err
	}
	fmt.Fprintf(g.Stdout, "%d network(s); see one with: shadowscan networks show ID\n", len(nets))
	return nil
}

// netSummary counts a network's listings and hits.
type netSummary struct {
	sites                     []string
	listings, hits, confirmed int
}

func summarise(n shadowscan.Network) netSummary {
	var s netSummary
	for _, sh := range n.Shops {
		if !slices.Contains(s.sites, sh.Site) {
			s.sites = append(s.sites, sh.Site)
		}
		s.listings += len(sh.Listings)
		s.hits += len(sh.Hits)
		s.confirmed += sh.Confirmed
	}
	return s
}

func runNetworksShow(ctx context.Context, g *Globals, id string, asJSON bool) error {
	set, err := g.Rules()
	if err != nil {
		return err
	}
	db, err := g.Store(ctx)
	if err != nil {
		return err
	}
	n, err := scan.Network(ctx, db, set.Detection, strings.TrimSpace(id))
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(g.Stdout, n)
	}
	printNetwork(g.Stdout, n)
	return nil
}

func printNetwork(w io.Writer, n *shadowscan.Network) {
	s := summarise(*n)
	fmt.Fprintf(w, "network %s: %d shops on %s, %d listings, %d hits (%d confirmed)\n\n",
		n.ID, len(n.Shops), strings.Join(s.sites, ", "), s.listings, s.hits, s.confirmed)
	fmt.Fprintln(w, "shops:")
	for _, sh := range n.Shops {
		role := ""
		if sh.Role != "" {
			role = " [" + sh.Role + "]"
		}
		fmt.Fprintf(w, "  %s %q%s: %d listings, hits %s, %d confirmed\n", plain(sh.Key()), plain(sh.SellerName), role,
			len(sh.Listings), hitList(sh.Hits), sh.Confirmed)
		fmt.Fprintf(w, "    listings: %s\n", plain(strings.Join(clip(sh.Listings, 10), ", ")))
	}
	fmt.Fprintln(w, "\nlinks (strength; * joined the network):")
	for _, l := range n.Links {
		mark := " "
		if l.Joined {
			mark = "*"
		}
		fmt.Fprintf(w, "  %s %s -- %s  %s +%d: %s\n", mark, plain(l.A), plain(l.B), l.Kind, l.Strength, plain(l.Detail))
		if len(l.ListingsA)+len(l.ListingsB) > 0 {
			fmt.Fprintf(w, "      evidence: %s on %s; %s on %s\n", plain(strings.Join(clip(l.ListingsA, 5), ", ")), plain(l.A),
				plain(strings.Join(clip(l.ListingsB, 5), ", ")), plain(l.B))
		}
		if l.PhotoA != "" {
			fmt.Fprintf(w, "      photos: %s | %s\n", plain(l.PhotoA), plain(l.PhotoB))
		}
	}
}

func hitList(ids []uint64) string {
	if len(ids) == 0 {
		return "none"
	}
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		parts = append(parts, fmt.Sprintf("#%d", id))
	}
	return strings.Join(clip(parts, 10), " ")
}

// clip keeps the first n items and says how many more there were.
func clip(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(list[:n:n], fmt.Sprintf("and %d more", len(list)-n))
}

// plain replaces control characters in text a marketplace wrote (escape
// sequences, carriage returns) with spaces before it reaches a terminal.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return ' '
		}
		return r
	}, s)
}

// webNetworks gives the web UI the store's seller networks.
func webNetworks(db *store.DB, det *rules.Detection) web.NetworksFunc {
	return func(ctx context.Context) ([]shadowscan.Network, error) { return scan.Networks(ctx, db, det) }
}

// webRelists gives the web UI the relists of a hit.
func webRelists(db *store.DB, det *rules.Detection) web.RelistsFunc {
	return func(ctx context.Context, id uint64) ([]uint64, error) { return scan.RelistsOf(ctx, db, det, id) }
}

// defamationNetworks finds the counterfeit networks a defamation hit's
// seller or contact handle belongs to; other hits carry theirs in their
// reasons.
func defamationNetworks(ctx context.Context, g *Globals, h *shadowscan.Hit) ([]shadowscan.NetworkMembership, error) {
	if h.Category != shadowscan.CategoryDefamation {
		return nil, nil
	}
	set, err := g.Rules()
	if err != nil {
		return nil, err
	}
	db, err := g.Store(ctx)
	if err != nil {
		return nil, err
	}
	return webNetworkOf(db, set.Detection)(ctx, h)
}

// webNetworkOf gives the web UI the networks a defamation hit is tied to.
func webNetworkOf(db *store.DB, det *rules.Detection) web.NetworkOfFunc {
	return func(ctx context.Context, h *shadowscan.Hit) ([]shadowscan.NetworkMembership, error) {
		if h.Category != shadowscan.CategoryDefamation {
			return nil, nil
		}
		nets, err := scan.Networks(ctx, db, det)
		if err != nil {
			return nil, err
		}
		return network.MemberOf(nets, &h.Listing), nil
	}
}
