package web

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// NetworksFunc returns the seller networks as they stand, those with
// confirmed hits first.
type NetworksFunc func(ctx context.Context) ([]shadowscan.Network, error)

// maxGraphShops is how many shops the graph picture draws; the tables
// below it list them all.
const maxGraphShops = 40

// networkRow is one network on the networks page.
type networkRow struct {
	ID                        string
	Shops                     int
	Sites                     []string
	Listings, Hits, Confirmed int
	Strongest                 string
}

func rowOf(n *shadowscan.Network) networkRow {
	r := networkRow{ID: n.ID, Shops: len(n.Shops)}
	for _, s := range n.Shops {
		if !slices.Contains(r.Sites, s.Site) {
			r.Sites = append(r.Sites, s.Site)
		}
		r.Listings += len(s.Listings)
		r.Hits += len(s.Hits)
		r.Confirmed += s.Confirmed
	}
	if len(n.Links) > 0 {
		r.Strongest = n.Links[0].Detail
	}
	return r
}

// networks calls Config.Networks, or says the server has none.
func (s *Server) networks(ctx context.Context) ([]shadowscan.Network, error) {
	if s.cfg.Networks == nil {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "this server does not link seller networks")
	}
	return s.cfg.Networks(ctx)
}

// network returns the network named by the request's id, or ENOTFOUND.
func (s *Server) network(r *http.Request) (*shadowscan.Network, error) {
	id := r.PathValue("id")
	nets, err := s.networks(r.Context())
	if err != nil {
		return nil, err
	}
	for i := range nets {
		if nets[i].ID == id {
			return &nets[i], nil
		}
	}
	return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "no seller network %q: the networks page lists them", id)
}

func (s *Server) handleNetworks(w http.ResponseWriter, r *http.Request) {
	nets, err := s.networks(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	rows := make([]networkRow, 0, len(nets))
	for i := range nets {
		rows = append(rows, rowOf(&nets[i]))
	}
	data := s.page(w, r, "Seller networks", "networks")
	data.Data = rows
	s.render(w, r, "networks", data)
}

// networkData is the network page's content.
type networkData struct {
	Network *shadowscan.Network
	Row     networkRow
	Graph   graph
}

func (s *Server) handleNetwork(w http.ResponseWriter, r *http.Request) {
	n, err := s.network(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	data := s.page(w, r, "Seller network "+n.ID, "networks")
	data.Data = networkData{Network: n, Row: rowOf(n), Graph: layout(n)}
	s.render(w, r, "network", data)
}

func (s *Server) apiNetworks(w http.ResponseWriter, r *http.Request) {
	nets, err := s.networks(r.Context())
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if nets == nil {
		nets = []shadowscan.Network{}
	}
	writeJSON(w, http.StatusOK, nets)
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	n, err := s.network(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, n)
}

// graph is a network drawn as SVG: shops on a circle, one line a pair of
// linked shops. The template writes it; every text in it is a template
// value, so html/template escapes what a marketplace wrote.
type graph struct {
	Width, Height int
	Nodes         []graphNode
	Edges         []graphEdge
	// Left is how many shops were not drawn (over maxGraphShops).
	Left int
}

type graphNode struct {
	X, Y, LabelX, LabelY float64
	Anchor               string
	Key, Name            string
	Class                string // confirmed, authorized or plain
	Hits, Confirmed      int
}

type graphEdge struct {
	X1, Y1, X2, Y2 float64
	Class          string // the strongest kind; "weak" when the pair did not join
	Width          float64
	Title          string
}

// layout places the shops evenly on a circle, in the network's order, and
// draws one edge a linked pair, as thick as the pair's strength.
func layout(n *shadowscan.Network) graph {
	g := graph{Width: 720, Height: 520}
	shops := n.Shops
	if len(shops) > maxGraphShops {
		g.Left = len(shops) - maxGraphShops
		shops = shops[:maxGraphShops]
	}
	cx, cy, rad := float64(g.Width)/2, float64(g.Height)/2, 190.0
	at := map[string]int{}
	for i, s := range shops {
		a := 2*math.Pi*float64(i)/float64(len(shops)) - math.Pi/2
		x, y := cx+rad*math.Cos(a), cy+rad*math.Sin(a)
		node := graphNode{X: round1(x), Y: round1(y), LabelX: round1(cx + (rad+14)*math.Cos(a)), LabelY: round1(cy + (rad+14)*math.Sin(a) + 4),
			Anchor: "start", Key: s.Key(), Name: clipText(s.SellerName, 24), Class: "plain", Hits: len(s.Hits), Confirmed: s.Confirmed}
		if math.Cos(a) < -0.1 {
			node.Anchor = "end"
		} else if math.Abs(math.Cos(a)) <= 0.1 {
			node.Anchor = "middle"
		}
		switch {
		case s.Confirmed > 0:
			node.Class = "confirmed"
		case s.Role != "":
			node.Class = "authorized"
		}
		at[s.Key()] = i
		g.Nodes = append(g.Nodes, node)
	}
	type pairKey [2]string
	var order []pairKey
	byPair := map[pairKey][]shadowscan.NetworkLink{}
	for _, l := range n.Links {
		k := pairKey{l.A, l.B}
		if _, ok := byPair[k]; !ok {
			order = append(order, k)
		}
		byPair[k] = append(byPair[k], l)
	}
	for _, k := range order {
		i, ok1 := at[k[0]]
		j, ok2 := at[k[1]]
		if !ok1 || !ok2 {
			continue
		}
		links := byPair[k]
		strength, details := 0, make([]string, 0, len(links))
		for _, l := range links {
			strength += l.Strength
			details = append(details, fmt.Sprintf("%s +%d: %s", l.Kind, l.Strength, l.Detail))
		}
		strongest := slices.MaxFunc(links, func(a, b shadowscan.NetworkLink) int { return cmp.Compare(a.Strength, b.Strength) })
		class := string(strongest.Kind)
		if !links[0].Joined {
			class = "weak"
		}
		a, b := g.Nodes[i], g.Nodes[j]
		g.Edges = append(g.Edges, graphEdge{X1: a.X, Y1: a.Y, X2: b.X, Y2: b.Y, Class: class,
			Width: min(1+float64(strength)/2, 8), Title: k[0] + " — " + k[1] + "\n" + strings.Join(details, "\n")})
	}
	return g
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// clipText shortens s to n runes, marking the cut.
func clipText(s string, n int) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= n {
		return string(rs)
	}
	return string(rs[:n-1]) + "…"
}
