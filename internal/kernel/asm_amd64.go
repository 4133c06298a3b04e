//go:build !purego

package kernel

import "golang.org/x/sys/cpu"

// useAsm is true when the CPU runs the AVX2+FMA assembly.
var useAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
