package config

import (
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/corpuslint/corpuslint/internal/lint"
)

// optionsValidator is implemented by option structs that check their own
// values (a range, a choice among words) after decoding.
type optionsValidator interface{ Validate() error }

// parseOptions reads `options: {rule/id: {name: value}}`. Each rule's
// options are decoded into a fresh copy of the rule's default Options
// struct, field by field, so that unknown names and wrong types are
// reported at their own line and the defaults are never modified.
func (c *Config) parseOptions(e *errs, n *yaml.Node) {
	keys, values := mapping(e, n, "options")
	for i, k := range keys {
		rule := c.Registry.Get(k.Value)
		if rule == nil {
			near := c.Registry.Nearest(k.Value)
			if near != "" {
				e.at(k, "options: unknown rule %q (did you mean %q?)", k.Value, near)
			} else {
				e.at(k, "options: unknown rule %q; options are set per rule ID, e.g. layout/final-newline", k.Value)
			}
			continue
		}
		if rule.Options == nil {
			e.at(k, "options: rule %s has no options", rule.ID)
			continue
		}
		if opts, ok := decodeOptions(e, rule, values[i]); ok {
			c.Options[rule.ID] = opts
		}
	}
}

// optionFields lists an options struct's fields by their yaml names.
func optionFields(t reflect.Type) (names []string, index map[string]int) {
	index = map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		names = append(names, name)
		index[name] = i
	}
	return names, index
}

func decodeOptions(e *errs, rule *lint.Rule, n *yaml.Node) (any, bool) {
	def := reflect.ValueOf(rule.Options)
	if def.Kind() != reflect.Pointer || def.Elem().Kind() != reflect.Struct {
		e.at(n, "options: rule %s declares options that are not a struct (internal error)", rule.ID)
		return nil, false
	}
	copyPtr := reflect.New(def.Elem().Type())
	copyPtr.Elem().Set(def.Elem())
	names, index := optionFields(def.Elem().Type())
	keys, values := mapping(e, n, "options of "+rule.ID)
	ok := true
	for i, k := range keys {
		fi, known := index[k.Value]
		if !known {
			e.at(k, "options of %s: unknown option %q%s; known options: %s", rule.ID, k.Value, didYouMean(k.Value, names), strings.Join(names, ", "))
			ok = false
			continue
		}
		field := copyPtr.Elem().Field(fi)
		// Decode into a fresh value: decoding into the copied field would
		// add to (and so modify) a map shared with the rule's defaults.
		fresh := reflect.New(field.Type())
		if err := values[i].Decode(fresh.Interface()); err != nil {
			e.at(values[i], "options of %s: option %s: expected %s, got %s", rule.ID, k.Value, typeName(field.Type()), kindName(values[i]))
			ok = false
			continue
		}
		field.Set(fresh.Elem())
	}
	if !ok {
		return nil, false
	}
	if v, isV := copyPtr.Interface().(optionsValidator); isV {
		if err := v.Validate(); err != nil {
			e.at(n, "options of %s: %v", rule.ID, err)
			return nil, false
		}
	}
	return copyPtr.Interface(), true
}

// typeName describes a Go type in the words of a YAML user.
func typeName(t reflect.Type) string {
	if t.Implements(reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()) ||
		reflect.PointerTo(t).Implements(reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()) {
		if t == reflect.TypeFor[lint.Severity]() {
			return "error, warning or info"
		}
		return "a string"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(typeName(t.Elem()), "a "), "an ") + "s"
	case reflect.Map:
		return "a mapping"
	}
	return t.String()
}
