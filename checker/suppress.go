package checker

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/claimlint/claimlint/checker/checks/baddirective"
	"github.com/claimlint/claimlint/checker/checks/unuseddirective"
)

// A directive is an HTML comment on a line of its own that silences rules:
//
//	<!-- claimlint-disable-next-line event-date,event-medium -- the desk confirmed Friday -->
//	<!-- claimlint-disable title-at-date -- quoting a 2023 document -->
//	…
//	<!-- claimlint-enable title-at-date -->
//
// A reason after " -- " is required. A directive without one, naming an
// unknown rule, or silencing nothing is itself reported, so that
// suppressions cannot rot unnoticed.
type directive struct {
	kind              string // disable-next-line, disable, enable
	rules             []string
	line              int // the directive's own line
	offset, endOffset int
	from, to          int            // the lines it silences
	until             map[string]int // for a disable: each rule's last silenced line
	used, bad         bool
}

var directiveRE = regexp.MustCompile(`^[ \t]*<!--[ \t]*claimlint-(disable-next-line|disable|enable)\b(.*?)-->[ \t]*\r?$`)

// last is the last line a directive silences for a rule.
func (d *directive) last(rule string) int {
	if end, ok := d.until[rule]; ok {
		return end
	}
	return d.to
}

// suppress applies the article's directives to its findings and adds a
// finding for each bad or unused directive.
func (p *pass) suppress() []Finding {
	ds := p.directives() // reports bad directives into p.findings
	fs := p.Findings
	if len(ds) == 0 {
		return fs
	}
	// The lines each rule is silenced on: every good directive's range, for
	// each rule it names, merged. Findings and claims are then looked up in
	// them, and each directive is used when a finding falls in its own
	// range: in time growing as n log n, so that a page of 20,000 directives
	// costs no more than its reading.
	ranges := map[string][]span{}
	for _, d := range ds {
		if d.bad || d.kind == "enable" {
			continue
		}
		for _, r := range d.rules {
			ranges[r] = append(ranges[r], span{d.from, d.last(r), d})
		}
	}
	lines := map[string][]int{} // each rule's finding lines, sorted
	for _, f := range fs {
		lines[f.Rule] = append(lines[f.Rule], f.Line)
	}
	merged := map[string][]span{}
	for r, rs := range ranges {
		ls := lines[r]
		slices.Sort(ls)
		for _, sp := range rs {
			if i, _ := slices.BinarySearch(ls, sp.from); i < len(ls) && ls[i] <= sp.to {
				sp.d.used = true
			}
		}
		merged[r] = mergeSpans(rs)
	}
	// cross-source is judged across articles, after this pass: a directive
	// naming it marks the claims on its lines, and counts as used, since
	// whether it silences anything is known only when articles are compared.
	if cs := merged[CrossSource]; len(cs) > 0 {
		for _, sp := range ranges[CrossSource] {
			sp.d.used = true
		}
		for _, cl := range p.claims {
			if inSpans(cs, cl.Line) {
				cl.Quiet = true
			}
		}
	}
	kept := fs[:0:0]
	for _, f := range fs {
		if !inSpans(merged[f.Rule], f.Line) {
			kept = append(kept, f)
		}
	}
	p.Findings = kept
	for _, d := range ds {
		if !d.bad && !d.used && d.kind != "enable" {
			p.ReportAs(unuseddirective.Check, Finding{
				Offset: d.offset, EndOffset: d.endOffset,
				Message: fmt.Sprintf("claimlint-%s %s silences nothing here; remove it", d.kind, strings.Join(d.rules, ",")),
			})
		}
	}
	return p.Findings
}

// span is the lines a directive silences for one rule, from and to
// included.
type span struct {
	from, to int
	d        *directive
}

// mergeSpans returns the union of spans, sorted and without overlaps.
func mergeSpans(spans []span) []span {
	out := slices.Clone(spans)
	slices.SortFunc(out, func(a, b span) int { return a.from - b.from })
	n := 0
	for _, sp := range out {
		if sp.to < sp.from {
			continue
		}
		if n > 0 && sp.from <= out[n-1].to+1 {
			out[n-1].to = max(out[n-1].to, sp.to)
			continue
		}
		out[n] = sp
		n++
	}
	return out[:n]
}

// inSpans reports whether line is in one of spans, merged.
func inSpans(spans []span, line int) bool {
	i, found := slices.BinarySearchFunc(spans, line, func(sp span, l int) int { return sp.from - l })
	if found {
		return true
	}
	return i > 0 && line <= spans[i-1].to
}

// directives reads the directives of the article, line by line.
func (p *pass) directives() []*directive {
	src := p.Article.Src
	if !bytes.Contains(src, []byte("claimlint-")) {
		return nil // most articles have none: skip the line scan
	}
	lines := p.Article.LineStarts() // start offsets; a line ends in LF, CRLF or CR
	lineEnd := func(i int) int {
		if i+1 < len(lines) {
			return lines[i+1] - 1
		}
		return len(src)
	}
	known := map[string]bool{}
	for _, r := range Rules {
		known[r.ID] = true
	}
	var ds []*directive
	open := map[string]*directive{} // rule → the disable that is open
	next := -1                      // the last line with text found after a disable-next-line
	for i := range lines {
		text := string(src[lines[i]:lineEnd(i)])
		m := directiveRE.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		d := &directive{kind: m[1], line: i + 1, offset: lines[i] + strings.Index(text, "<!--"), endOffset: lines[i] + strings.LastIndex(text, "-->") + 3}
		ds = append(ds, d)
		spec, reason, hasReason := strings.Cut(m[2], "--")
		for _, r := range strings.Split(spec, ",") {
			if r = strings.TrimSpace(r); r != "" {
				d.rules = append(d.rules, r)
			}
		}
		bad := func(format string, args ...any) {
			d.bad = true
			p.ReportAs(baddirective.Check, Finding{Offset: d.offset, EndOffset: d.endOffset,
				Message: fmt.Sprintf(format, args...)})
		}
		switch {
		case len(d.rules) == 0:
			bad("claimlint-%s names no rule: write claimlint-%s RULE[,RULE] -- reason", d.kind, d.kind)
			continue
		case d.kind != "enable" && (!hasReason || strings.TrimSpace(reason) == ""):
			bad("claimlint-%s %s has no reason: add \" -- why\" before -->", d.kind, strings.Join(d.rules, ","))
			continue
		}
		for _, r := range d.rules {
			if !known[r] {
				bad("claimlint-%s names unknown rule %q (claimlint rules lists them)", d.kind, r)
				break
			}
		}
		if d.bad {
			continue
		}
		switch d.kind {
		case "disable-next-line":
			// The next line with text that is not a comment; found once for
			// a run of directives, not again for each.
			d.from, d.to = i+2, i+2
			if next <= i {
				next = len(lines)
				for j := i + 1; j < len(lines); j++ {
					t := strings.TrimSpace(string(src[lines[j]:lineEnd(j)]))
					if t != "" && !(strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->")) {
						next = j
						break
					}
				}
			}
			if next < len(lines) {
				d.from, d.to = next+1, next+1
			}
		case "disable":
			d.from, d.to = i+2, len(lines)
			d.until = map[string]int{}
			for _, r := range d.rules {
				d.until[r] = len(lines)
				open[r] = d
			}
		case "enable":
			for _, r := range d.rules {
				dis := open[r]
				if dis == nil {
					bad("claimlint-enable %s has no claimlint-disable %s before it", r, r)
					break
				}
				dis.until[r] = min(dis.until[r], i) // only this rule ends here
				delete(open, r)
			}
		}
	}
	return ds
}
