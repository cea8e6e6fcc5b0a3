package shadowscan

// NetworkMembership says why a listing is shown with a seller network: a
// defamation listing whose shop, or a contact handle in whose text,
// belongs to a network of shops with hits is likely the same workshop
// attacking the brand it copies.
type NetworkMembership struct {
	// Network is the network's ID; Shops how many shops it has, and
	// Confirmed how many of their hits an analyst confirmed.
	Network   string `json:"network"`
	Shops     int    `json:"shops"`
	Confirmed int    `json:"confirmed"`
	// Why names the seller or the handle that ties the listing to it.
	Why string `json:"why"`
}
