package lang

import (
	"strings"
	"testing"
)

func TestSet(t *testing.T) {
	defer Set(English)
	for _, tc := range []struct {
		tag, want, say string
	}{
		{Chinese, Chinese, "中"},
		{English, English, "en"},
	} {
		if err := Set(tc.tag); err != nil {
			t.Fatal(err)
		}
		if Get() != tc.want || Say("en", "中") != tc.say {
			t.Errorf("after Set(%q): Get() = %q, Say = %q; want %q, %q", tc.tag, Get(), Say("en", "中"), tc.want, tc.say)
		}
	}
	Set(Chinese)
	err := Set("fr")
	if err == nil || !strings.Contains(err.Error(), `"zh"`) {
		t.Errorf(`Set("fr") = %v; want an error that names the languages`, err)
	}
	if Get() != Chinese {
		t.Errorf("a failed Set changed the language to %q", Get())
	}
}

func TestBoth(t *testing.T) {
	defer Set(English)
	Set(Chinese)
	en, zh := Both(func() string { return Say("he", "他") })
	if en != "he" || zh != "他" || Get() != Chinese {
		t.Errorf("Both gives %q, %q and leaves %q; want he, 他, %q", en, zh, Get(), Chinese)
	}
}
