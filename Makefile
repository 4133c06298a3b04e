# sinenet's everyday commands. `make test` is what CI runs.

.PHONY: test vet bench asm

# Tests run twice: with the AVX2+FMA assembly kernels, and with their
# pure-Go twins (the purego build tag), which every other platform uses.
test: vet
	go test ./...
	go test -tags purego ./...

vet:
	go vet ./...
	go vet -tags purego ./...

# Times sinenet's seed suite against PyTorch, alternating, and prints the table.
bench:
	go run ./internal/benchcmp

# Regenerates the assembly of internal/kernel from internal/kernel/asm/gen.go (avo).
asm:
	cd internal/kernel && go generate
