package exercise

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// changes returns the exported fields of the structs got and want that
// differ, as "what.Field (want → got)", skipping the fields named in free.
// Fields that hold pointers or interfaces are compared by what they point
// to, so two NewAdam(1e-2) are equal; func fields are equal only when both
// are nil.
func changes(what string, got, want any, free ...string) []string {
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	if g.Type() != w.Type() || g.Kind() != reflect.Struct {
		panic(fmt.Sprintf("exercise: changes of a %v against a %v", g.Type(), w.Type()))
	}
	var out []string
	for i := range g.NumField() {
		f := g.Type().Field(i)
		if !f.IsExported() || slices.Contains(free, f.Name) {
			continue
		}
		gv, wv := g.Field(i).Interface(), w.Field(i).Interface()
		if !reflect.DeepEqual(gv, wv) {
			out = append(out, fmt.Sprintf("%s.%s (%s → %s)", what, f.Name, show(wv), show(gv)))
		}
	}
	return out
}

// show prints a setting briefly: an optimizer by its name and rate, the
// rate in the learner's units ("Adam lr 1e-2").
func show(v any) string {
	type named interface {
		Name() string
		LR() float64
	}
	switch x := v.(type) {
	case nil:
		return lang.Say("none", "无")
	case named:
		return x.Name() + " lr " + lang.Rate(x.LR())
	case sinenet.Data:
		return fmt.Sprintf(lang.Say("%d samples", "%d 个样本"), x.Len())
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Func {
		if rv.IsNil() {
			return lang.Say("none", "无")
		}
		return lang.Say("a func", "一个函数")
	}
	return fmt.Sprintf("%v", v)
}
