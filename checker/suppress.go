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
	// cross-source is judged across articles, after this pass: a directive
	// naming it marks the claims on its lines, and counts as used, since
	// whether it silences anything is known only when articles are compared.
	for _, d := range ds {
		if d.bad || d.kind == "enable" || !slices.Contains(d.rules, CrossSource) {
			continue
		}
		d.used = true
		for _, cl := range p.claims {
			if cl.Line >= d.from && cl.Line <= d.last(CrossSource) {
				cl.Quiet = true
			}
		}
	}
	kept := fs[:0:0]
	for _, f := range fs {
		silenced := false
		for _, d := range ds {
			if !d.bad && d.kind != "enable" && slices.Contains(d.rules, f.Rule) && f.Line >= d.from && f.Line <= d.last(f.Rule) {
				d.used, silenced = true, true
			}
		}
		if !silenced {
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
			d.from, d.to = i+2, i+2
			for j := i + 1; j < len(lines); j++ { // the next line with text that is not a comment
				t := strings.TrimSpace(string(src[lines[j]:lineEnd(j)]))
				if t != "" && !(strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->")) {
					d.from, d.to = j+1, j+1
					break
				}
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
