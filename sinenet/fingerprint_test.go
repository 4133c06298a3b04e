package sinenet

import (
	"context"
	"fmt"
	"testing"
)

// TestFingerprint checks that a fingerprint is the start of the hash that
// TestBits compares (so a fingerprint shown in the playground can be
// looked up in testdata/bits.golden), and that training changes it.
func TestFingerprint(t *testing.T) {
	m, err := New(ModelA(1))
	if err != nil {
		t.Fatal(err)
	}
	before := m.Fingerprint()
	if want := paramsHash(m.Params)[:12]; before != want {
		t.Errorf("Fingerprint() = %s, want %s", before, want)
	}
	o := AnswerOptions()
	o.Steps = 5
	if _, err := Train(context.Background(), m, NoisySine(100, 1), o); err != nil {
		t.Fatal(err)
	}
	if after := m.Fingerprint(); after == before || after != paramsHash(m.Params)[:12] {
		t.Errorf("after 5 steps Fingerprint() = %s (before: %s), want %s", after, before, paramsHash(m.Params)[:12])
	}
}

// A fingerprint identifies a network's parameters in 12 hex digits; the
// same settings give the same one on every machine.
func ExampleMLP_Fingerprint() {
	m, err := New(ModelA(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Fingerprint())
	// Output:
	// 7f401dc48fd1
}
