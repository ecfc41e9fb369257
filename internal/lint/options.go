package lint

import (
	"reflect"
	"strings"
)

// Option describes one of a rule's options, read from its Options struct:
// the yaml tag names it, the doc tag describes it, and the field's value
// in the rule's defaults is its default.
type Option struct {
	Name    string
	Type    reflect.Type
	Doc     string
	Default any
}

// Options lists the options of a rule's Options struct (nil if none).
func Options(opts any) []Option {
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	var out []Option
	t := v.Type()
	for i := range t.NumField() {
		field := t.Field(i)
		name, _, _ := strings.Cut(field.Tag.Get("yaml"), ",")
		if name == "-" || !field.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(field.Name)
		}
		out = append(out, Option{Name: name, Type: field.Type, Doc: field.Tag.Get("doc"), Default: v.Field(i).Interface()})
	}
	return out
}
