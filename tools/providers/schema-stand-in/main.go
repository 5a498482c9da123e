// Command schema-stand-in is a Terraform provider that knows a real provider's schema and the
// validators of it that the project's stacks meet (validators.go). `npm run providers` installs it into the local mirror, under the real provider's source
// address and version, for providers whose binaries cannot be built or downloaded on a machine.
//
// With it, `terraform init`, `terraform validate` and `terraform test` with `mock_provider` run
// offline, since those need from a provider only its schema and its validators. It cannot show its
// API's behaviour, and it refuses to be configured, so a plan or apply that reaches it stops at
// once and says what it is.
//
// It reads `schema.json` beside its executable: what `terraform providers schema -json` prints for
// the real provider, with exactly one provider in it.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// SchemaFileName is the file beside the executable that holds the provider's schema.
const SchemaFileName = "schema.json"

func main() {
	// -debug, as in every provider built on HashiCorp's provider scaffolding: serve until interrupted
	// and print the TF_REATTACH_PROVIDERS value with which Terraform uses this process instead of
	// starting the provider itself (npm run test:terraform serves each provider once this way).
	debug := flag.Bool("debug", false, "serve until interrupted, for Terraform to reattach to (TF_REATTACH_PROVIDERS)")
	flag.Parse()
	executable, err := os.Executable()
	if err != nil {
		log.Fatal(err)
	}
	server, err := Load(filepath.Join(filepath.Dir(executable), SchemaFileName), filepath.Base(executable))
	if err != nil {
		log.Fatal(err)
	}
	var options []tf6server.ServeOpt
	if *debug {
		options = append(options, tf6server.WithManagedDebug())
	}
	if err := tf6server.Serve(server.address, func() tfprotov6.ProviderServer { return server }, options...); err != nil {
		log.Fatal(err)
	}
}

// StandIn serves one provider's schema, runs the real provider's validators that it carries
// (validators.go), and refuses everything that would need the provider itself.
type StandIn struct {
	address string
	binary  string
	schema  *tfprotov6.GetProviderSchemaResponse
	rules   providerRules
}

// Load reads a `terraform providers schema -json` file that holds exactly one provider.
func Load(path, binary string) (*StandIn, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("schema stand-in: %w", err)
	}
	var file schemaFile
	if err := json.Unmarshal(raw, &file); err != nil {
		return nil, fmt.Errorf("schema stand-in: %s: %w", path, err)
	}
	if len(file.ProviderSchemas) != 1 {
		return nil, fmt.Errorf("schema stand-in: %s holds %d providers; exactly one is needed", path, len(file.ProviderSchemas))
	}
	for address, provider := range file.ProviderSchemas {
		schema, err := provider.convert()
		if err != nil {
			return nil, fmt.Errorf("schema stand-in: %s: %w", path, err)
		}
		carried := rules[address]
		// npm run providers names the binary terraform-provider-<type>_v<version>, as the registry does.
		if version := binary[strings.LastIndex(binary, "_v")+2:]; carried.version != "" && carried.version != version {
			return nil, fmt.Errorf("schema stand-in: %s %s: the validators carried are those of %s; read the provider's at %s into validators.go", address, version, carried.version, version)
		}
		return &StandIn{address: address, binary: binary, schema: schema, rules: carried}, nil
	}
	panic("unreachable")
}

// refusal is the one answer to everything that needs the real provider.
func (s *StandIn) refusal() []*tfprotov6.Diagnostic {
	return []*tfprotov6.Diagnostic{{
		Severity: tfprotov6.DiagnosticSeverityError,
		Summary:  fmt.Sprintf("%s here is a schema stand-in, not the provider", s.address),
		Detail: fmt.Sprintf(
			"%s was built by `npm run providers` from the provider's published schema. It lets "+
				"`terraform validate` and `terraform test` with mock_provider run offline, but it cannot "+
				"plan, apply, refresh or import. Use the real provider: from its registry, or from a "+
				"mirror that holds the real binary (see docs/operations.md, \"Deploying from a mirror\"), and "+
				"unset TF_CLI_CONFIG_FILE if it points at the stand-ins' mirror.", s.binary),
	}}
}

func (s *StandIn) GetMetadata(context.Context, *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	response := &tfprotov6.GetMetadataResponse{ServerCapabilities: s.schema.ServerCapabilities}
	for _, name := range sortedKeys(s.schema.ResourceSchemas) {
		response.Resources = append(response.Resources, tfprotov6.ResourceMetadata{TypeName: name})
	}
	for _, name := range sortedKeys(s.schema.DataSourceSchemas) {
		response.DataSources = append(response.DataSources, tfprotov6.DataSourceMetadata{TypeName: name})
	}
	for _, name := range sortedKeys(s.schema.EphemeralResourceSchemas) {
		response.EphemeralResources = append(response.EphemeralResources, tfprotov6.EphemeralResourceMetadata{TypeName: name})
	}
	for _, name := range sortedKeys(s.schema.Functions) {
		response.Functions = append(response.Functions, tfprotov6.FunctionMetadata{Name: name})
	}
	return response, nil
}

func (s *StandIn) GetProviderSchema(context.Context, *tfprotov6.GetProviderSchemaRequest) (*tfprotov6.GetProviderSchemaResponse, error) {
	return s.schema, nil
}

// The committed schemas hold no resource identities.
func (s *StandIn) GetResourceIdentitySchemas(context.Context, *tfprotov6.GetResourceIdentitySchemasRequest) (*tfprotov6.GetResourceIdentitySchemasResponse, error) {
	return &tfprotov6.GetResourceIdentitySchemasResponse{}, nil
}

// Validation checks what every terraform-plugin-framework provider checks for any schema (the four
// providers stood in for are all framework providers): no value for a read-only attribute; and
// then the real provider's own validators that validators.go carries. Terraform itself checks the
// rest of the schema.
func (s *StandIn) ValidateProviderConfig(_ context.Context, req *tfprotov6.ValidateProviderConfigRequest) (*tfprotov6.ValidateProviderConfigResponse, error) {
	return &tfprotov6.ValidateProviderConfigResponse{PreparedConfig: req.Config, Diagnostics: s.validate("provider", s.schema.Provider, req.Config)}, nil
}

func (s *StandIn) ValidateResourceConfig(_ context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return &tfprotov6.ValidateResourceConfigResponse{Diagnostics: s.validate("resource."+req.TypeName, s.schema.ResourceSchemas[req.TypeName], req.Config)}, nil
}

func (s *StandIn) ValidateDataResourceConfig(_ context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return &tfprotov6.ValidateDataResourceConfigResponse{Diagnostics: s.validate("data."+req.TypeName, s.schema.DataSourceSchemas[req.TypeName], req.Config)}, nil
}

// validate reports each computed-only attribute that the configuration gives a value, with the
// framework's words for it, and what the carried rules of `block` find.
func (s *StandIn) validate(block string, schema *tfprotov6.Schema, config *tfprotov6.DynamicValue) []*tfprotov6.Diagnostic {
	if schema == nil || config == nil {
		return nil
	}
	value, err := config.Unmarshal(schema.ValueType())
	if err != nil {
		return []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: "Invalid configuration value", Detail: err.Error()}}
	}
	var diagnostics []*tfprotov6.Diagnostic
	walkBlock(schema.Block, value, tftypes.NewAttributePath(), &diagnostics)
	var fields map[string]tftypes.Value
	if value.IsKnown() && !value.IsNull() && value.As(&fields) == nil {
		diagnostics = append(diagnostics, s.rules.validate(block, fields)...)
	}
	return diagnostics
}

func walkBlock(block *tfprotov6.SchemaBlock, value tftypes.Value, path *tftypes.AttributePath, diagnostics *[]*tfprotov6.Diagnostic) {
	var fields map[string]tftypes.Value
	if !value.IsKnown() || value.IsNull() || value.As(&fields) != nil {
		return
	}
	walkAttributes(block.Attributes, fields, path, diagnostics)
	for _, nested := range block.BlockTypes {
		for _, element := range elements(fields[nested.TypeName], nested.Nesting == tfprotov6.SchemaNestedBlockNestingModeSingle || nested.Nesting == tfprotov6.SchemaNestedBlockNestingModeGroup) {
			walkBlock(nested.Block, element, path.WithAttributeName(nested.TypeName), diagnostics)
		}
	}
}

func walkAttributes(attributes []*tfprotov6.SchemaAttribute, fields map[string]tftypes.Value, path *tftypes.AttributePath, diagnostics *[]*tfprotov6.Diagnostic) {
	for _, attribute := range attributes {
		value, ok := fields[attribute.Name]
		if !ok || value.IsNull() {
			continue
		}
		at := path.WithAttributeName(attribute.Name)
		if attribute.Computed && !attribute.Optional && !attribute.Required {
			*diagnostics = append(*diagnostics, &tfprotov6.Diagnostic{
				Severity: tfprotov6.DiagnosticSeverityError,
				Summary:  "Invalid Configuration for Read-Only Attribute",
				Detail: "Cannot set value for this attribute as the provider has marked it as read-only. Remove the configuration line setting the value.\n\n" +
					"Refer to the provider documentation or contact the provider developers for additional information about configurable and read-only attributes that are supported.",
				Attribute: at,
			})
			continue
		}
		if attribute.NestedType == nil {
			continue
		}
		for _, element := range elements(value, attribute.NestedType.Nesting == tfprotov6.SchemaObjectNestingModeSingle) {
			var inner map[string]tftypes.Value
			if element.IsKnown() && !element.IsNull() && element.As(&inner) == nil {
				walkAttributes(attribute.NestedType.Attributes, inner, at, diagnostics)
			}
		}
	}
}

// elements are the objects a nested value holds: itself where it is single, else its elements.
func elements(value tftypes.Value, single bool) []tftypes.Value {
	if !value.IsKnown() || value.IsNull() {
		return nil
	}
	if single {
		return []tftypes.Value{value}
	}
	var list []tftypes.Value
	if value.As(&list) == nil {
		return list
	}
	var byKey map[string]tftypes.Value
	if value.As(&byKey) == nil {
		out := make([]tftypes.Value, 0, len(byKey))
		for _, key := range sortedKeys(byKey) {
			out = append(out, byKey[key])
		}
		return out
	}
	return nil
}

func (s *StandIn) ValidateEphemeralResourceConfig(context.Context, *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return &tfprotov6.ValidateEphemeralResourceConfigResponse{}, nil
}

// Terraform configures a provider before it plans, applies or refreshes anything with it, so a
// stand-in that is about to be mistaken for the provider stops here.
func (s *StandIn) ConfigureProvider(context.Context, *tfprotov6.ConfigureProviderRequest) (*tfprotov6.ConfigureProviderResponse, error) {
	return &tfprotov6.ConfigureProviderResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) StopProvider(context.Context, *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	return &tfprotov6.StopProviderResponse{}, nil
}

// The calls below come only after a successful ConfigureProvider; each refuses all the same, for
// a Terraform that would call them unconfigured.

func (s *StandIn) UpgradeResourceState(context.Context, *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return &tfprotov6.UpgradeResourceStateResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) ReadResource(context.Context, *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return &tfprotov6.ReadResourceResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) PlanResourceChange(context.Context, *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return &tfprotov6.PlanResourceChangeResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) ApplyResourceChange(context.Context, *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return &tfprotov6.ApplyResourceChangeResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) ImportResourceState(context.Context, *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return &tfprotov6.ImportResourceStateResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) MoveResourceState(context.Context, *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return &tfprotov6.MoveResourceStateResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) UpgradeResourceIdentity(context.Context, *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return &tfprotov6.UpgradeResourceIdentityResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) GenerateResourceConfig(context.Context, *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return &tfprotov6.GenerateResourceConfigResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) ReadDataSource(context.Context, *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return &tfprotov6.ReadDataSourceResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) OpenEphemeralResource(context.Context, *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return &tfprotov6.OpenEphemeralResourceResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) RenewEphemeralResource(context.Context, *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return &tfprotov6.RenewEphemeralResourceResponse{Diagnostics: s.refusal()}, nil
}

func (s *StandIn) CloseEphemeralResource(context.Context, *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return &tfprotov6.CloseEphemeralResourceResponse{}, nil
}

func (s *StandIn) GetFunctions(context.Context, *tfprotov6.GetFunctionsRequest) (*tfprotov6.GetFunctionsResponse, error) {
	return &tfprotov6.GetFunctionsResponse{Functions: s.schema.Functions}, nil
}

func (s *StandIn) CallFunction(context.Context, *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	refusal := s.refusal()[0]
	return &tfprotov6.CallFunctionResponse{Error: &tfprotov6.FunctionError{Text: refusal.Summary + ". " + refusal.Detail}}, nil
}

// The JSON shapes of `terraform providers schema -json` (format_version 1.0).

type schemaFile struct {
	FormatVersion   string                     `json:"format_version"`
	ProviderSchemas map[string]*providerSchema `json:"provider_schemas"`
}

type providerSchema struct {
	Provider                 *schema              `json:"provider"`
	ResourceSchemas          map[string]*schema   `json:"resource_schemas"`
	DataSourceSchemas        map[string]*schema   `json:"data_source_schemas"`
	EphemeralResourceSchemas map[string]*schema   `json:"ephemeral_resource_schemas"`
	Functions                map[string]*function `json:"functions"`
}

type schema struct {
	Version int64  `json:"version"`
	Block   *block `json:"block"`
}

type block struct {
	Attributes      map[string]*attribute `json:"attributes"`
	BlockTypes      map[string]*blockType `json:"block_types"`
	Description     string                `json:"description"`
	DescriptionKind string                `json:"description_kind"`
	Deprecated      bool                  `json:"deprecated"`
}

type attribute struct {
	Type            json.RawMessage `json:"type"`
	NestedType      *nestedType     `json:"nested_type"`
	Description     string          `json:"description"`
	DescriptionKind string          `json:"description_kind"`
	Deprecated      bool            `json:"deprecated"`
	Required        bool            `json:"required"`
	Optional        bool            `json:"optional"`
	Computed        bool            `json:"computed"`
	Sensitive       bool            `json:"sensitive"`
	WriteOnly       bool            `json:"write_only"`
}

type nestedType struct {
	Attributes  map[string]*attribute `json:"attributes"`
	NestingMode string                `json:"nesting_mode"`
}

type blockType struct {
	NestingMode string `json:"nesting_mode"`
	Block       *block `json:"block"`
	MinItems    int64  `json:"min_items"`
	MaxItems    int64  `json:"max_items"`
}

type function struct {
	Description        string               `json:"description"`
	Summary            string               `json:"summary"`
	DeprecationMessage string               `json:"deprecation_message"`
	ReturnType         json.RawMessage      `json:"return_type"`
	Parameters         []*functionParameter `json:"parameters"`
	VariadicParameter  *functionParameter   `json:"variadic_parameter"`
}

type functionParameter struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	IsNullable  bool            `json:"is_nullable"`
	Type        json.RawMessage `json:"type"`
}

// frameworkCapabilities are what every terraform-plugin-framework provider reports (the four stood
// in for are all framework providers); the schema file does not hold them. GetProviderSchemaOptional
// lets Terraform take the schema from its own cache for every later start of the provider within one
// command, as it does for the real provider, instead of asking for (and decoding) it each time.
var frameworkCapabilities = tfprotov6.ServerCapabilities{
	GetProviderSchemaOptional: true,
	MoveResourceState:         true,
	PlanDestroy:               true,
}

func (p *providerSchema) convert() (*tfprotov6.GetProviderSchemaResponse, error) {
	capabilities := frameworkCapabilities
	response := &tfprotov6.GetProviderSchemaResponse{
		ServerCapabilities:       &capabilities,
		ResourceSchemas:          map[string]*tfprotov6.Schema{},
		DataSourceSchemas:        map[string]*tfprotov6.Schema{},
		EphemeralResourceSchemas: map[string]*tfprotov6.Schema{},
		Functions:                map[string]*tfprotov6.Function{},
	}
	var err error
	if response.Provider, err = p.Provider.convert("provider"); err != nil {
		return nil, err
	}
	for _, group := range []struct {
		from map[string]*schema
		to   map[string]*tfprotov6.Schema
	}{
		{p.ResourceSchemas, response.ResourceSchemas},
		{p.DataSourceSchemas, response.DataSourceSchemas},
		{p.EphemeralResourceSchemas, response.EphemeralResourceSchemas},
	} {
		for name, s := range group.from {
			if group.to[name], err = s.convert(name); err != nil {
				return nil, err
			}
		}
	}
	for name, f := range p.Functions {
		if response.Functions[name], err = f.convert(name); err != nil {
			return nil, err
		}
	}
	return response, nil
}

func (s *schema) convert(name string) (*tfprotov6.Schema, error) {
	if s == nil || s.Block == nil {
		// A provider without configuration has an empty block.
		return &tfprotov6.Schema{Block: &tfprotov6.SchemaBlock{}}, nil
	}
	converted, err := s.Block.convert(name)
	if err != nil {
		return nil, err
	}
	converted.Version = s.Version
	return &tfprotov6.Schema{Version: s.Version, Block: converted}, nil
}

func (b *block) convert(path string) (*tfprotov6.SchemaBlock, error) {
	out := &tfprotov6.SchemaBlock{
		Description:     b.Description,
		DescriptionKind: stringKind(b.DescriptionKind),
		Deprecated:      b.Deprecated,
	}
	var err error
	if out.Attributes, err = convertAttributes(path, b.Attributes); err != nil {
		return nil, err
	}
	for _, name := range sortedKeys(b.BlockTypes) {
		nested := b.BlockTypes[name]
		mode, ok := blockNesting[nested.NestingMode]
		if !ok {
			return nil, fmt.Errorf("%s.%s: unknown block nesting mode %q", path, name, nested.NestingMode)
		}
		inner := nested.Block
		if inner == nil {
			inner = &block{}
		}
		converted, err := inner.convert(path + "." + name)
		if err != nil {
			return nil, err
		}
		out.BlockTypes = append(out.BlockTypes, &tfprotov6.SchemaNestedBlock{
			TypeName: name,
			Block:    converted,
			Nesting:  mode,
			MinItems: nested.MinItems,
			MaxItems: nested.MaxItems,
		})
	}
	return out, nil
}

func convertAttributes(path string, attributes map[string]*attribute) ([]*tfprotov6.SchemaAttribute, error) {
	var out []*tfprotov6.SchemaAttribute
	for _, name := range sortedKeys(attributes) {
		a := attributes[name]
		converted := &tfprotov6.SchemaAttribute{
			Name:            name,
			Description:     a.Description,
			DescriptionKind: stringKind(a.DescriptionKind),
			Deprecated:      a.Deprecated,
			Required:        a.Required,
			Optional:        a.Optional,
			Computed:        a.Computed,
			Sensitive:       a.Sensitive,
			WriteOnly:       a.WriteOnly,
		}
		switch {
		case a.NestedType != nil:
			mode, ok := objectNesting[a.NestedType.NestingMode]
			if !ok {
				return nil, fmt.Errorf("%s.%s: unknown attribute nesting mode %q", path, name, a.NestedType.NestingMode)
			}
			inner, err := convertAttributes(path+"."+name, a.NestedType.Attributes)
			if err != nil {
				return nil, err
			}
			converted.NestedType = &tfprotov6.SchemaObject{Attributes: inner, Nesting: mode}
		case len(a.Type) > 0:
			t, err := parseType(a.Type)
			if err != nil {
				return nil, fmt.Errorf("%s.%s: %w", path, name, err)
			}
			converted.Type = t
		default:
			return nil, fmt.Errorf("%s.%s: neither type nor nested_type", path, name)
		}
		out = append(out, converted)
	}
	return out, nil
}

func (f *function) convert(name string) (*tfprotov6.Function, error) {
	returnType, err := parseType(f.ReturnType)
	if err != nil {
		return nil, fmt.Errorf("function %s: return type: %w", name, err)
	}
	out := &tfprotov6.Function{
		Return:             &tfprotov6.FunctionReturn{Type: returnType},
		Summary:            f.Summary,
		Description:        f.Description,
		DescriptionKind:    tfprotov6.StringKindPlain,
		DeprecationMessage: f.DeprecationMessage,
	}
	for _, p := range f.Parameters {
		converted, err := p.convert(name)
		if err != nil {
			return nil, err
		}
		out.Parameters = append(out.Parameters, converted)
	}
	if f.VariadicParameter != nil {
		if out.VariadicParameter, err = f.VariadicParameter.convert(name); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (p *functionParameter) convert(function string) (*tfprotov6.FunctionParameter, error) {
	t, err := parseType(p.Type)
	if err != nil {
		return nil, fmt.Errorf("function %s: parameter %s: %w", function, p.Name, err)
	}
	return &tfprotov6.FunctionParameter{
		Name:           p.Name,
		Description:    p.Description,
		AllowNullValue: p.IsNullable,
		Type:           t,
	}, nil
}

// parseType reads Terraform's own JSON spelling of a type ("string", ["list","string"], ...),
// which is what terraform-plugin-go's parser was written for.
func parseType(raw json.RawMessage) (tftypes.Type, error) {
	return tftypes.ParseJSONType(raw) //nolint:staticcheck // the format is Terraform's, as the parser expects
}

var blockNesting = map[string]tfprotov6.SchemaNestedBlockNestingMode{
	"single": tfprotov6.SchemaNestedBlockNestingModeSingle,
	"list":   tfprotov6.SchemaNestedBlockNestingModeList,
	"set":    tfprotov6.SchemaNestedBlockNestingModeSet,
	"map":    tfprotov6.SchemaNestedBlockNestingModeMap,
	"group":  tfprotov6.SchemaNestedBlockNestingModeGroup,
}

var objectNesting = map[string]tfprotov6.SchemaObjectNestingMode{
	"single": tfprotov6.SchemaObjectNestingModeSingle,
	"list":   tfprotov6.SchemaObjectNestingModeList,
	"set":    tfprotov6.SchemaObjectNestingModeSet,
	"map":    tfprotov6.SchemaObjectNestingModeMap,
}

func stringKind(kind string) tfprotov6.StringKind {
	if strings.EqualFold(kind, "markdown") {
		return tfprotov6.StringKindMarkdown
	}
	return tfprotov6.StringKindPlain
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	return keys
}
