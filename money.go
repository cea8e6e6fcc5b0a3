package shadowscan

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Amount is a price in hundredths of the currency's major unit (fen for CNY,
// cents for USD). Integer arithmetic keeps 298.00 exactly 298.00 through
// parsing, ratios and JSON; JSON writes it as a decimal number.
type Amount int64

// AmountFromFloat rounds f to the nearest hundredth.
func AmountFromFloat(f float64) Amount { return Amount(math.Round(f * 100)) }

// ParseAmount parses a plain decimal such as "298", "298.5" or "298.00".
// It accepts no currency symbols or grouping; use the crawler's price parser
// for text from web pages.
func ParseAmount(s string) (Amount, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("empty amount")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%q is not a decimal number such as 298.00", s)
	}
	if math.Abs(f) > 1e15 {
		return 0, fmt.Errorf("%q is too large", s)
	}
	return AmountFromFloat(f), nil
}

// Float returns a as a float64 in major units.
func (a Amount) Float() float64 { return float64(a) / 100 }

// String formats a with two decimals, e.g. "298.00".
func (a Amount) String() string {
	sign := ""
	v := int64(a)
	if v < 0 {
		sign, v = "-", -v
	}
	return fmt.Sprintf("%s%d.%02d", sign, v/100, v%100)
}

// MarshalJSON writes a as a decimal number.
func (a Amount) MarshalJSON() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalJSON reads a decimal number (or a string holding one).
func (a *Amount) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	v, err := ParseAmount(s)
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Format returns a with its currency, e.g. "¥298.00" or "USD 12.50".
func (a Amount) Format(currency string) string {
	switch currency {
	case "CNY":
		return "¥" + a.String()
	case "":
		return a.String()
	}
	return currency + " " + a.String()
}

// Currencies lists the ISO 4217 codes shadowscan accepts. It is the set the
// marketplaces we scan price in; extend it here when a new market needs one.
var Currencies = map[string]bool{
	"CNY": true, "HKD": true, "TWD": true, "MOP": true, "USD": true, "EUR": true,
	"GBP": true, "JPY": true, "KRW": true, "SGD": true, "MYR": true, "THB": true,
	"VND": true, "IDR": true, "PHP": true, "INR": true, "AUD": true, "NZD": true,
	"CAD": true, "CHF": true, "SEK": true, "NOK": true, "DKK": true, "PLN": true,
	"CZK": true, "HUF": true, "RUB": true, "UAH": true, "TRY": true, "BRL": true,
	"MXN": true, "ARS": true, "CLP": true, "COP": true, "ZAR": true, "AED": true,
	"SAR": true, "ILS": true, "EGP": true, "NGN": true, "KES": true, "PKR": true,
	"BDT": true, "LKR": true, "RON": true, "BGN": true, "ISK": true,
}

// ValidCurrency reports whether code is an accepted ISO 4217 code.
func ValidCurrency(code string) bool { return Currencies[code] }
