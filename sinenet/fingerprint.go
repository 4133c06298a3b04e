package sinenet

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
)

// Fingerprint returns a short hash of m's parameters: the first 12 hex
// digits of the SHA-256 of Params, each float64's bits in little-endian
// order. Two runs with the same settings print the same fingerprint on
// every machine and in the browser playground (cmd/playground), except
// for the runs that the package documentation's "Same numbers on every
// machine" leaves out (LBFGS, Softplus).
func (m *MLP) Fingerprint() string {
	h := sha256.New()
	var b [8]byte
	for _, v := range m.Params {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}
