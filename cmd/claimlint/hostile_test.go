package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// good is an article with one known finding; every hostile case checks it
// beside the bad input, to show that the others are still checked.
const good = "---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n"

const hostileRules = `entities:
  - id: putin
    kind: person
    name: Vladimir Putin
    aliases: [Putin]
offices:
  - id: president-ru
    title: President of Russia
    phrasings: [President]
    holders:
      - who: putin
        from: 2012-05-07
`

// TestHostileInput runs claimlint over files a real corpus holds, and over
// broken rule files. Each must give a clear message naming the file, the
// right exit status, and the other files still checked: never a panic or a
// hang.
func TestHostileInput(t *testing.T) {
	type tc struct {
		name   string
		setup  func(t *testing.T, dir string) []string // files and args
		code   int
		stderr string // regexp
		stdout string // regexp; "good" means the good article's finding
	}
	write := func(t *testing.T, path string, data []byte) {
		t.Helper()
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := func(name string, data []byte) func(t *testing.T, dir string) []string {
		return func(t *testing.T, dir string) []string {
			write(t, filepath.Join(dir, name), data)
			return []string{name}
		}
	}
	goodFinding := `good.md:4:1: error: .*\[title-at-date\]`
	cases := []tc{
		{name: "empty file", setup: article("empty.md", nil), code: 1, stdout: `empty.md:1:1: info: no publication date`},
		{name: "only front matter", setup: article("fm.md", []byte("---\npublished: 2025-03-01\n---\n")), code: 1, stdout: goodFinding},
		{name: "malformed front matter", setup: article("fm.md", []byte("---\npublished: [2025\n---\ntext\n")), code: 2,
			stderr: `fm.md:3:1: front matter: did not find expected ',' or ']'`},
		{name: "unclosed front matter", setup: article("fm.md", []byte("---\npublished: 2025-03-01\ntext\n")), code: 2,
			stderr: `fm.md:1:1: front matter opened with --- is never closed`},
		{name: "byte-order mark", setup: article("bom.md", []byte("\uFEFF---\npublished: 2025-03-01\n---\nFormer President Vladimir Putin spoke.\n")), code: 1,
			stdout: `bom.md:4:1: error: .*\[title-at-date\]`},
		{name: "CRLF and mixed line endings", setup: article("crlf.md", []byte("---\r\npublished: 2025-03-01\r\n---\nText.\r\n\r\nFormer President Vladimir Putin spoke.\n")), code: 1,
			stdout: `crlf.md:6:1: error: .*\[title-at-date\]`},
		{name: "invalid UTF-8", setup: article("latin1.md", []byte("caf\xe9\n")), code: 2,
			stderr: `latin1.md:1:4: not valid UTF-8 text \(byte 0xe9\); save the file as UTF-8`},
		{name: "binary file with a .md name", setup: article("image.md", []byte("\x89PNG\r\n\x1a\n\x00\x00")), code: 2,
			stderr: `image.md:3:1: binary file \(NUL byte\): not an article`},
		{name: "a single 20 MB line, allowed", setup: func(t *testing.T, dir string) []string {
			line := bytes.Repeat([]byte("President Vladimir Putin spoke and Putin called Xi. "), 20<<20/52)
			write(t, filepath.Join(dir, "long.md"), append([]byte("---\npublished: 2025-03-01\n---\n"), line...))
			return []string{"--max-file-size", "30MB", "long.md"}
		}, code: 1, stdout: goodFinding},
		{name: "a 100 MB file, over --max-file-size", setup: func(t *testing.T, dir string) []string {
			f, err := os.Create(filepath.Join(dir, "huge.md"))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(100 << 20); err != nil { // sparse: no 100 MB written
				t.Fatal(err)
			}
			f.Close()
			return []string{"huge.md"}
		}, code: 2, stderr: `huge.md: file is 104857600 bytes, over --max-file-size 10485760: skipped, not checked`},
		{name: "a folder named x.md", setup: func(t *testing.T, dir string) []string {
			if err := os.MkdirAll(filepath.Join(dir, "x.md"), 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "x.md", "inner.md"), []byte(good))
			return []string{"x.md"}
		}, code: 1, stdout: `x.md/inner.md:4:1: error:`},
		{name: "a link loop", setup: func(t *testing.T, dir string) []string {
			os.Symlink("loop2.md", filepath.Join(dir, "loop1.md"))
			os.Symlink("loop1.md", filepath.Join(dir, "loop2.md"))
			return []string{"loop1.md"}
		}, code: 2, stderr: `loop1.md: too many levels of symbolic links`},
		{name: "a link loop inside a folder", setup: func(t *testing.T, dir string) []string {
			os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
			os.Symlink("b.md", filepath.Join(dir, "sub", "a.md"))
			os.Symlink("a.md", filepath.Join(dir, "sub", "b.md"))
			os.Symlink(".", filepath.Join(dir, "sub", "self"))
			return []string{"sub"}
		}, code: 2, stderr: `sub/a.md: too many levels of symbolic links`},
		{name: "a path that does not exist", setup: func(t *testing.T, dir string) []string { return []string{"nothing.md"} },
			code: 2, stderr: `stat nothing.md: no such file or directory`},
		{name: "an unreadable file", setup: func(t *testing.T, dir string) []string {
			if os.Geteuid() == 0 {
				t.Skip("running as root, who can read any file: the unreadable case cannot be made here")
			}
			p := filepath.Join(dir, "secret.md")
			write(t, p, []byte(good))
			os.Chmod(p, 0)
			return []string{"secret.md"}
		}, code: 2, stderr: `secret.md: permission denied`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "good.md"), []byte(good))
			write(t, filepath.Join(dir, "rules.yaml"), []byte(hostileRules))
			args := append([]string{"--rules", "rules.yaml", "good.md"}, c.setup(t, dir)...)
			code, stdout, stderr := runIn2(t, dir, args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if !regexp.MustCompile(goodFinding).MatchString(stdout) {
				t.Errorf("the good article was not checked:\n%s", stdout)
			}
			if c.stdout != "" && !regexp.MustCompile(c.stdout).MatchString(stdout) {
				t.Errorf("stdout does not match %q:\n%s", c.stdout, stdout)
			}
			if c.stderr != "" && !regexp.MustCompile(c.stderr).MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%s", c.stderr, stderr)
			}
		})
	}
}

// TestHostileRuleFiles: a broken or hostile rule file gets a clear error,
// or a bounded run; never a panic or a hang.
func TestHostileRuleFiles(t *testing.T) {
	var aliases strings.Builder
	aliases.WriteString("entities:\n  - id: many\n    kind: person\n    name: Many Names\n    aliases:\n")
	for i := 0; i < 100000; i++ {
		aliases.WriteString("      - Name" + strconv.Itoa(i) + "\n")
	}
	// Nine levels of nine aliases: 387 million strings if expanded.
	bomb := "entities:\n  - id: a\n    kind: person\n    name: A\n    aliases: &a [x, x, x, x, x, x, x, x, x]\n"
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		bomb += "  - id: " + n + "\n    kind: person\n    name: " + n + "\n    aliases: &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n"
		prev = n
	}
	deep := "entities: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	cases := []struct {
		name, yaml string
		code       int
		stderr     string
		limit      time.Duration
	}{
		{"billion laughs", bomb, 2, `r.yaml:\d+:\d+: `, 5 * time.Second},
		{"deep nesting", deep, 2, `r.yaml:1:\d+: `, 5 * time.Second},
		{"100,000 aliases", aliases.String(), 0, ``, 20 * time.Second},
		{"an RE2 pattern that does not compile", "wording:\n  - id: w\n    pattern: '(?<=x)y'\n    message: m\n", 2, `r.yaml:3:14: invalid pattern: invalid named capture: ` + "`\\(\\?<=x\\)y`", time.Minute},
		{"an impossible date", "events:\n  - id: e\n    kind: anchor\n    date: 2025-02-30\n", 2, `r.yaml:4:11: date: date "2025-02-30" does not exist`, time.Minute},
		{"unknown keys", "entities:\n  - id: x\n    kind: person\n    name: X\n    nick: Y\n    born: 1950\n", 2, `r.yaml:5:5: unknown key "nick"\nr.yaml:6:5: unknown key "born"`, time.Minute},
		{"tabs", "entities:\n\t- id: x\n", 2, `r.yaml:2:1: a tab character: YAML indents with spaces only`, time.Minute},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "r.yaml"), []byte(c.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("Text.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			code, stdout, stderr := runIn2(t, dir, "--rules", "r.yaml", "a.md")
			if took := time.Since(start); took > c.limit {
				t.Errorf("took %v, more than %v", took, c.limit)
			}
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %.2000s", code, c.code, stdout, stderr)
			}
			if c.stderr != "" && !regexp.MustCompile(c.stderr).MatchString(stderr) {
				t.Errorf("stderr does not match %q:\n%.2000s", c.stderr, stderr)
			}
		})
	}
}

// runIn2 runs claimlint in dir, in a child process so that the working
// directory is the child's own, and returns its exit status and output.
func runIn2(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	bin := claimlintBinary(t)
	var stdout, stderr bytes.Buffer
	code := runCmd(dir, bin, args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}
