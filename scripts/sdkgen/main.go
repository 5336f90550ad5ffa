// Command sdkgen writes the Go and Python SDKs of the realtimekit package from its schema.json with
// Pulumi's own code generators (pkg/v3/codegen). `pulumi package gen-sdk` would do the same by asking each
// language host, but no language host for Go or Python can be built on these machines; the generators
// themselves are plain Go packages.
//
//	go run . <schema.json> <out dir>   -> <out dir>/go/..., <out dir>/python/...
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// The tool name the generators write into every file's "do not edit" header.
const tool = "pulumi-realtimekit sdkgen (make sdks)"

// noExternalPackages answers every lookup with an error: the schema references no other package, and a
// reference appearing by mistake should fail the generation rather than reach for a plugin.
type noExternalPackages struct{}

func (noExternalPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the realtimekit schema must not reference package %q", name)
}

func (l noExternalPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, nil)
}

func (l noExternalPackages) LoadPackageReference(name string, v *semver.Version) (schema.PackageReference, error) {
	_, err := l.LoadPackage(name, v)
	return nil, err
}

func (l noExternalPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	_, err := l.LoadPackage(d.Name, nil)
	return nil, err
}

// bind validates the schema against Pulumi's metaschema; each language needs its own bound copy because
// binding records that language's options on the package.
func bind(spec schema.PackageSpec) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, noExternalPackages{}, schema.ValidationOptions{})
	if err != nil {
		return nil, err
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("invalid schema: %s", diags.Error())
	}
	return pkg, nil
}

func write(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run(schemaPath, out string) error {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}

	goPkg, err := bind(spec)
	if err != nil {
		return err
	}
	goFiles, err := gogen.GeneratePackage(tool, goPkg, nil)
	if err != nil {
		return fmt.Errorf("go: %w", err)
	}
	if err := write(filepath.Join(out, "go"), goFiles); err != nil {
		return err
	}

	pyPkg, err := bind(spec)
	if err != nil {
		return err
	}
	pyFiles, err := pygen.GeneratePackage(tool, pyPkg, nil, noExternalPackages{})
	if err != nil {
		return fmt.Errorf("python: %w", err)
	}
	// pyproject.toml names README.md beside it; the generator writes it inside the package only.
	if readme, ok := pyFiles["pulumi_realtimekit/README.md"]; ok {
		pyFiles["README.md"] = readme
	}
	return write(filepath.Join(out, "python"), pyFiles)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkgen <schema.json> <out dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "sdkgen:", err)
		os.Exit(1)
	}
}
