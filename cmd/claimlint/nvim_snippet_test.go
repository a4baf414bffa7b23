package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNeovimSnippets runs the README's Neovim configurations, as written
// there, as init.lua of a headless Neovim that opens a demo article, and
// requires claimlint's diagnostics. A snippet for a newer Neovim than the
// one installed is skipped, with a message.
func TestNeovimSnippets(t *testing.T) {
	nvim := needTool(t, "nvim", "apt-get install neovim")
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	snippets := regexp.MustCompile("(?s)\\*\\*Neovim( 0\\.7)?\\*\\*[^\\n]*\\n\\n```lua\\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(snippets) != 2 {
		t.Fatalf("the README has %d Neovim snippets, want 2 (0.8 or later, and 0.7)", len(snippets))
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	bin := claimlintBinary(t)
	article := filepath.Join(repo, "seeds", "02-xi-putin-call-readouts.md")
	for _, s := range snippets {
		name := "0.8 or later"
		if len(s[1]) > 0 {
			name = "0.7"
		}
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "count.txt")
			init := filepath.Join(dir, "init.lua")
			wait := filepath.Join(dir, "wait.lua")
			if err := os.WriteFile(init, s[2], 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(wait, []byte(`local ok = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
vim.fn.writefile({ tostring(#vim.diagnostic.get(0)) }, os.getenv('OUT'))
vim.cmd('qa!')
`), 0o644); err != nil {
				t.Fatal(err)
			}
			// Can this Neovim run it? 0.7 has no vim.lsp.start.
			if name != "0.7" {
				probe := filepath.Join(dir, "probe.txt")
				runIn(t, dir, nil, nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
					"lua vim.fn.writefile({ tostring(vim.lsp.start ~= nil) }, '"+probe+"')", "-c", "qa!")
				if got, _ := os.ReadFile(probe); strings.TrimSpace(string(got)) != "true" {
					t.Skip("this Neovim has no vim.lsp.start (0.8 or later runs this snippet)")
				}
			}
			env := []string{"OUT=" + out, "PATH=" + filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH"),
				"XDG_STATE_HOME=" + t.TempDir(), "XDG_CONFIG_HOME=" + t.TempDir(), "XDG_DATA_HOME=" + t.TempDir()}
			log, code := runIn(t, repo, env, nvim, "--headless", "-u", init, "-i", "NONE", "-n", article, "-c", "luafile "+wait)
			if code != 0 {
				t.Fatalf("nvim exited %d:\n%s", code, log)
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no result (%v); nvim said:\n%s", err, log)
			}
			if strings.TrimSpace(string(got)) != "3" {
				t.Errorf("Neovim %s with the README's snippet got %s diagnostics, want 3; nvim said:\n%s", name, got, log)
			}
		})
	}
}
