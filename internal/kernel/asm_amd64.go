//go:build !purego

package kernel

import "golang.org/x/sys/cpu"

// useAsm is true when the CPU runs the AVX2 assembly (which uses no FMA:
// see semantics.go).
var useAsm = cpu.X86.HasAVX2
