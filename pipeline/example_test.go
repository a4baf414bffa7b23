package pipeline_test

import (
	"fmt"
	"log"
	"os"

	"github.com/claimlint/claimlint/pipeline"
)

// A program embeds claimlint by calling Run: here with the rules embedded
// in claimlint, no config, and no output but the findings it returns.
func Example() {
	res, err := pipeline.Run(pipeline.Options{Paths: []string{"testdata/draft.md"}})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d:%d: %s [%s]\n", f.Path, f.Line, f.Column, f.Message, f.Rule)
	}
	fmt.Println("exit status", res.Exit())
	// Output:
	// testdata/draft.md:5:20: the Putin–Xi call was on Monday 2025-02-24, not Friday (2025-02-21) [event-date]
	// exit status 1
}

// Run writes the outputs it is given: here claimlint's text, as the
// command writes it on standard output (the summary line goes to Stderr,
// left unset, so discarded).
func ExampleRun() {
	outs, err := pipeline.ParseOutputs([]string{"text"}, nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := pipeline.Run(pipeline.Options{Paths: []string{"testdata"}, Outputs: outs, Stdout: os.Stdout})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("exit status", res.Exit())
	// Output:
	// testdata/draft.md:5:20: error: the Putin–Xi call was on Monday 2025-02-24, not Friday (2025-02-21) [event-date]
	// exit status 1
}
