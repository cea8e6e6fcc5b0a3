package world8

// The site rules, written from the pages as a brand team would.

const bidbayRule = `# bidbay: auction and Buy-It-Now marketplace (UK/US/EU/AU sellers)
name: bidbay
base_url: http://127.0.0.1:8941
search:
  url: "{base}/sch/i.html?_nkw={query}&_sacat=0&_pgn={page}"
  max_pages: 15
  listing_links: "ul.srp-results li.s-item a.s-item__link@href"
  next_page: "a.pagination__next@href"
listing:
  title: "h1.x-item-title__mainTitle span"
  price: "div.x-bin-price div.x-price-primary span"
  currency: "meta[itemprop=priceCurrency]@content"
  seller_id: "div.x-sellercard-atf__info__about-seller a@href | re:/usr/([^/?]+)"
  seller_name: "div.x-sellercard-atf__info__about-seller a span"
  images: "div.ux-image-carousel img@src"
  description: "div.x-item-description-child"
  removed: "div.ended-item-notice"
politeness: {parallelism: 4, delay: 50ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`

const craftlyRule = `# craftly: handmade and vintage marketplace; listing pages carry their data only as schema.org JSON-LD
name: craftly
base_url: http://127.0.0.1:8942
search:
  url: "{base}/search?q={query}&page={page}&ref=pagination"
  max_pages: 15
  listing_links: "div.v2-listing-card a.listing-link@href"
  next_page: "nav.search-pagination a[rel=next]@href"
listing:
  removed: "div.listing-unavailable"
politeness: {parallelism: 4, delay: 50ms, respect_robots_txt: true, timeout: 15s, retries: 3}
`
