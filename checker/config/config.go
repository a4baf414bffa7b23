// Package config reads .claimlint.yaml, the project file that says which
// paths to check and which rule files to use.
package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v4"
)

// FileName is the name claimlint looks for, from the working directory up.
const FileName = ".claimlint.yaml"

// Config is a parsed .claimlint.yaml. Paths in it are relative to Dir.
type Config struct {
	Path      string   // the file read
	Dir       string   // its folder
	Paths     []string `yaml:"paths"`
	Rules     []string `yaml:"rules"`
	FailLevel string   `yaml:"fail-level"`
}

// Find looks for FileName in dir and its parents. It returns "" when there
// is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads a config file. Unknown keys are errors with their position.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := &Config{Path: path, Dir: filepath.Dir(path)}
	if err := yaml.Load(data, c, yaml.WithKnownFields()); err != nil {
		return nil, positioned(path, err)
	}
	switch c.FailLevel {
	case "", "error", "warning", "info":
	default:
		return nil, fmt.Errorf("%s: fail-level %q: want error, warning or info", path, c.FailLevel)
	}
	return c, nil
}

// Resolve makes p, written in the config file, relative to the working
// directory when it can, absolute otherwise.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	full := filepath.Join(c.Dir, p)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, full); err == nil {
			return rel
		}
	}
	return full
}

func positioned(path string, err error) error {
	var many *yaml.LoadErrors
	var one *yaml.LoadError
	var errs []error
	switch {
	case errors.As(err, &many):
		for _, e := range many.Errors {
			errs = append(errs, fmt.Errorf("%s:%d:%d: %s", path, e.Mark.Line, e.Mark.Column, friendly(e.Message)))
		}
	case errors.As(err, &one):
		errs = append(errs, fmt.Errorf("%s:%d:%d: %s", path, one.Mark.Line, one.Mark.Column, friendly(one.Message)))
	default:
		errs = append(errs, fmt.Errorf("%s: %w", path, err))
	}
	return errors.Join(errs...)
}

func friendly(msg string) string {
	var key, typ string
	if n, _ := fmt.Sscanf(msg, "field %s not found in type %s", &key, &typ); n == 2 {
		return fmt.Sprintf("unknown key %q (known: paths, rules, fail-level)", key)
	}
	return msg
}
