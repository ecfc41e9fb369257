module github.com/corpuslint/corpuslint

go 1.26.0

require (
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/text v0.44.0
)

require golang.org/x/tools v0.52.0 // indirect
