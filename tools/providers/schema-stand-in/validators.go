package main

// The real providers' own validators, for every attribute that the project's stacks set, carried
// into the stand-in so that `terraform validate` and `terraform test` refuse here what they refuse
// with the real provider (validation runs under mock_provider too). Each rule names the line of the
// provider's source, at the version pinned, that declares it. Value validators are the very ones of
// terraform-plugin-framework-validators and -jsontypes, at the versions the providers build with;
// the attribute-combination ones need a framework schema of the whole block and are written out here
// with the library's words (internal/schemavalidator of terraform-plugin-framework-validators v0.19.0).
//
// What a stand-in cannot carry (Configure-time checks, the API's answers) is listed in
// docs/development.md, "What the stand-ins check".

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-jsontypes/jsontypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/helpers/validatordiag"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// providerRules are the carried rules by provider source address.
type providerRules struct {
	// version is the provider release the rules were read from; a stand-in of another version
	// refuses to start rather than judge with rules that may no longer hold.
	version string
	// blocks by "provider", "resource.<type>" or "data.<type>".
	blocks map[string]blockRules
}

type blockRules struct {
	attributes []attributeRule
	// config rules see the whole block, as a provider's ValidateConfig does.
	config []configRule
}

// attributeRule is one validator of one top-level attribute.
type attributeRule struct {
	attribute string
	// source is file:line in the provider's repository, at the pinned version.
	source string
	check  func(at path.Path, value tftypes.Value, block map[string]tftypes.Value) diag.Diagnostics
	// typeRule marks the attribute's custom type: the framework reads the value through it first,
	// and an error there leaves the attribute's validators unrun.
	typeRule bool
}

type configRule struct {
	source string
	check  func(block map[string]tftypes.Value) diag.Diagnostics
}

const (
	btpSource = "SAP/terraform-provider-btp v1.25.0 btp/provider/"
	cfSource  = "cloudfoundry/terraform-provider-cloudfoundry v1.16.0 cloudfoundry/provider/"
)

// cfUUID is cloudfoundry's validation.ValidUUID() (internal/validation/uuidvalidator.go:11,17).
var cfUUID = stringValue(stringvalidator.RegexMatches(
	regexp.MustCompile(`^[0-9a-fA-F]{8}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{4}\b-[0-9a-fA-F]{12}$`),
	"value must be a valid UUID",
))

var rules = map[string]providerRules{
	"registry.terraform.io/sap/btp": {version: "1.25.0", blocks: map[string]blockRules{
		"provider": {attributes: []attributeRule{
			{attribute: "globalaccount", source: btpSource + "provider.go:80", check: stringValue(stringvalidator.LengthAtLeast(1))},
		}},
		"resource.btp_subaccount_destination_generic": {attributes: []attributeRule{
			{attribute: "destination_configuration", source: btpSource + "resource_subaccount_destination_generic.go:112", check: normalizedJSON, typeRule: true},
			{attribute: "destination_configuration", source: btpSource + "resource_subaccount_destination_generic.go:114", check: btpValidJSON},
		}},
		"resource.btp_subaccount_service_instance": {attributes: []attributeRule{
			{attribute: "serviceplan_id", source: btpSource + "resource_subaccount_service_instance.go:87", check: conflictsWith("serviceplan_name")},
			{attribute: "serviceplan_id", source: btpSource + "resource_subaccount_service_instance.go:88", check: conflictsWith("service_offering_name")},
			{attribute: "serviceplan_id", source: btpSource + "resource_subaccount_service_instance.go:89", check: stringValue(stringvalidator.LengthAtLeast(1))},
			{attribute: "serviceplan_id", source: btpSource + "resource_subaccount_service_instance.go:90", check: atLeastOneOf("service_offering_name", "serviceplan_name")},
			{attribute: "serviceplan_name", source: btpSource + "resource_subaccount_service_instance.go:98", check: conflictsWith("serviceplan_id")},
			{attribute: "serviceplan_name", source: btpSource + "resource_subaccount_service_instance.go:99", check: alsoRequires("service_offering_name")},
			{attribute: "serviceplan_name", source: btpSource + "resource_subaccount_service_instance.go:100", check: stringValue(stringvalidator.LengthAtLeast(1))},
			{attribute: "service_offering_name", source: btpSource + "resource_subaccount_service_instance.go:108", check: alsoRequires("serviceplan_name")},
			{attribute: "service_offering_name", source: btpSource + "resource_subaccount_service_instance.go:109", check: conflictsWith("serviceplan_id")},
			{attribute: "service_offering_name", source: btpSource + "resource_subaccount_service_instance.go:110", check: stringValue(stringvalidator.LengthAtLeast(1))},
			{attribute: "parameters", source: btpSource + "resource_subaccount_service_instance.go:130", check: normalizedJSON, typeRule: true},
			{attribute: "parameters", source: btpSource + "resource_subaccount_service_instance.go:132", check: btpValidJSON},
		}},
		"resource.btp_subaccount_role_collection_assignment": {attributes: []attributeRule{
			{attribute: "role_collection_name", source: btpSource + "resource_subaccount_role_collection_assignment.go:72", check: stringValue(stringvalidator.LengthAtLeast(1))},
			{attribute: "user_name", source: btpSource + "resource_subaccount_role_collection_assignment.go:90", check: exactlyOneOf("user_name", "group_name", "attribute_name")},
			{attribute: "user_name", source: btpSource + "resource_subaccount_role_collection_assignment.go:91", check: stringValue(stringvalidator.LengthBetween(1, 256))},
			{attribute: "group_name", source: btpSource + "resource_subaccount_role_collection_assignment.go:101", check: alsoRequires("origin")},
			{attribute: "group_name", source: btpSource + "resource_subaccount_role_collection_assignment.go:102", check: stringValue(stringvalidator.LengthAtLeast(1))},
		}},
	}},
	"registry.terraform.io/cloudfoundry/cloudfoundry": {version: "1.16.0", blocks: map[string]blockRules{
		"provider": {attributes: []attributeRule{
			{attribute: "api_url", source: cfSource + "provider.go:57", check: stringValue(stringvalidator.LengthAtLeast(1))},
		}},
		"resource.cloudfoundry_service_instance": {
			attributes: []attributeRule{
				{attribute: "type", source: cfSource + "resource_service_instance.go:74", check: stringValue(stringvalidator.OneOf("managed", "user-provided"))},
				{attribute: "space", source: cfSource + "resource_service_instance.go:87", check: cfUUID},
				{attribute: "service_plan", source: cfSource + "resource_service_instance.go:94", check: cfUUID},
				{attribute: "parameters", source: cfSource + "resource_service_instance.go:101", check: normalizedJSON, typeRule: true},
			},
			config: []configRule{{source: cfSource + "resource_service_instance.go:190", check: cfServiceInstanceConfig}},
		},
		"resource.cloudfoundry_space_role": {attributes: []attributeRule{
			{attribute: "type", source: cfSource + "resource_space_role.go:59", check: stringValue(stringvalidator.OneOf("space_auditor", "space_developer", "space_manager", "space_supporter"))},
			{attribute: "user", source: cfSource + "resource_space_role.go:70", check: cfUUID},
			{attribute: "user", source: cfSource + "resource_space_role.go:71", check: exactlyOneOf("user", "username")},
			{attribute: "origin", source: cfSource + "resource_space_role.go:91", check: conflictsWith("user")},
			{attribute: "origin", source: cfSource + "resource_space_role.go:94", check: alsoRequires("username")},
			{attribute: "space", source: cfSource + "resource_space_role.go:106", check: cfUUID},
		}},
		"resource.cloudfoundry_service_credential_binding": {
			attributes: []attributeRule{
				{attribute: "type", source: cfSource + "resource_service_credential_binding.go:64", check: stringValue(stringvalidator.OneOf("app", "key"))},
			},
			config: []configRule{{source: cfSource + "resource_service_credential_binding.go:141", check: cfCredentialBindingConfig}},
		},
	}},
	"registry.terraform.io/hashicorp/http": {version: "3.5.0", blocks: map[string]blockRules{
		"data.http": {attributes: []attributeRule{
			{attribute: "method", source: "hashicorp/terraform-provider-http v3.5.0 internal/provider/data_source_http.go:87", check: stringValue(stringvalidator.OneOf("GET", "POST", "HEAD"))},
		}},
	}},
}

// validate runs the rules of one block on its configuration.
func (r providerRules) validate(block string, config map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	carried, ok := r.blocks[block]
	if !ok {
		return nil
	}
	var diagnostics diag.Diagnostics
	for _, rule := range carried.config {
		diagnostics.Append(rule.check(config)...)
	}
	refusedType := map[string]bool{}
	for _, rule := range carried.attributes {
		value, ok := config[rule.attribute]
		if !ok || refusedType[rule.attribute] {
			continue
		}
		found := rule.check(path.Root(rule.attribute), value, config)
		if rule.typeRule && found.HasError() {
			refusedType[rule.attribute] = true
		}
		diagnostics.Append(found...)
	}
	return toProtocol(diagnostics)
}

func stringOf(value tftypes.Value) types.String {
	var text string
	switch {
	case !value.IsKnown():
		return types.StringUnknown()
	case value.IsNull() || value.As(&text) != nil:
		return types.StringNull()
	}
	return types.StringValue(text)
}

// stringValue runs a framework string validator as the framework does for an attribute.
func stringValue(v validator.String) func(path.Path, tftypes.Value, map[string]tftypes.Value) diag.Diagnostics {
	return func(at path.Path, value tftypes.Value, _ map[string]tftypes.Value) diag.Diagnostics {
		response := &validator.StringResponse{}
		v.ValidateString(context.Background(), validator.StringRequest{
			Path:           at,
			PathExpression: at.Expression(),
			ConfigValue:    stringOf(value),
		}, response)
		return response.Diagnostics
	}
}

// normalizedJSON is the value check of jsontypes.NormalizedType, which the framework runs when it
// reads the attribute.
func normalizedJSON(at path.Path, value tftypes.Value, _ map[string]tftypes.Value) diag.Diagnostics {
	text := stringOf(value)
	if text.IsNull() || text.IsUnknown() {
		return nil
	}
	response := &xattr.ValidateAttributeResponse{}
	jsontypes.NewNormalizedValue(text.ValueString()).ValidateAttribute(context.Background(), xattr.ValidateAttributeRequest{Path: at}, response)
	return response.Diagnostics
}

// btpValidJSON is SAP/btp's jsonvalidator.ValidJSON() (internal/validation/jsonvalidator/jsonvalidator.go).
func btpValidJSON(at path.Path, value tftypes.Value, _ map[string]tftypes.Value) diag.Diagnostics {
	text := stringOf(value)
	if text.IsNull() || text.IsUnknown() || json.Valid([]byte(text.ValueString())) {
		return nil
	}
	return diag.Diagnostics{validatordiag.InvalidAttributeValueDiagnostic(at, "value must be valid json", text.String())}
}

// others are the paths of `names` other than `at`, as the library matches them at the root.
func others(at path.Path, names []string) path.Paths {
	var paths path.Paths
	for _, name := range names {
		if other := path.Root(name); !other.Equal(at) {
			paths = append(paths, other)
		}
	}
	return paths
}

// conflictsWith is stringvalidator.ConflictsWith of root attributes.
func conflictsWith(names ...string) func(path.Path, tftypes.Value, map[string]tftypes.Value) diag.Diagnostics {
	return func(at path.Path, value tftypes.Value, block map[string]tftypes.Value) diag.Diagnostics {
		if value.IsNull() || !value.IsKnown() {
			return nil
		}
		var diagnostics diag.Diagnostics
		for _, other := range others(at, names) {
			otherValue := block[other.String()]
			if !otherValue.IsKnown() {
				return diagnostics
			}
			if !otherValue.IsNull() {
				diagnostics.Append(validatordiag.InvalidAttributeCombinationDiagnostic(at,
					fmt.Sprintf("Attribute %q cannot be specified when %q is specified", other, at)))
			}
		}
		return diagnostics
	}
}

// alsoRequires is stringvalidator.AlsoRequires of root attributes.
func alsoRequires(names ...string) func(path.Path, tftypes.Value, map[string]tftypes.Value) diag.Diagnostics {
	return func(at path.Path, value tftypes.Value, block map[string]tftypes.Value) diag.Diagnostics {
		if value.IsNull() || !value.IsKnown() {
			return nil
		}
		var diagnostics diag.Diagnostics
		for _, other := range others(at, names) {
			otherValue := block[other.String()]
			if !otherValue.IsKnown() {
				return diagnostics
			}
			if otherValue.IsNull() {
				diagnostics.Append(validatordiag.InvalidAttributeCombinationDiagnostic(at,
					fmt.Sprintf("Attribute %q must be specified when %q is specified", other, at)))
			}
		}
		return diagnostics
	}
}

// atLeastOneOf is stringvalidator.AtLeastOneOf of root attributes.
func atLeastOneOf(names ...string) func(path.Path, tftypes.Value, map[string]tftypes.Value) diag.Diagnostics {
	return func(at path.Path, value tftypes.Value, block map[string]tftypes.Value) diag.Diagnostics {
		if !value.IsNull() {
			return nil
		}
		for _, other := range others(at, names) {
			if otherValue := block[other.String()]; !otherValue.IsKnown() || !otherValue.IsNull() {
				return nil
			}
		}
		// The library names the attribute's own path last.
		expressions := at.Expression().MergeExpressions(rootExpressions(names)...)
		expressions.Append(at.Expression())
		return diag.Diagnostics{validatordiag.InvalidAttributeCombinationDiagnostic(at,
			fmt.Sprintf("At least one attribute out of %s must be specified", expressions))}
	}
}

// exactlyOneOf is stringvalidator.ExactlyOneOf of root attributes, `names` including the
// attribute's own, as SAP/btp writes it.
func exactlyOneOf(names ...string) func(path.Path, tftypes.Value, map[string]tftypes.Value) diag.Diagnostics {
	return func(at path.Path, value tftypes.Value, block map[string]tftypes.Value) diag.Diagnostics {
		if !value.IsKnown() {
			return nil
		}
		expressions := at.Expression().MergeExpressions(rootExpressions(names)...)
		count := 0
		if !value.IsNull() {
			count++
		}
		for _, other := range others(at, names) {
			otherValue := block[other.String()]
			if !otherValue.IsKnown() {
				return nil
			}
			if !otherValue.IsNull() {
				count++
			}
		}
		switch {
		case count == 0:
			return diag.Diagnostics{validatordiag.InvalidAttributeCombinationDiagnostic(at,
				fmt.Sprintf("No attribute specified when one (and only one) of %s is required", expressions))}
		case count > 1:
			return diag.Diagnostics{validatordiag.InvalidAttributeCombinationDiagnostic(at,
				fmt.Sprintf("%d attributes specified when one (and only one) of %s is required", count, expressions))}
		}
		return nil
	}
}

func rootExpressions(names []string) []path.Expression {
	expressions := make([]path.Expression, 0, len(names))
	for _, name := range names {
		expressions = append(expressions, path.MatchRoot(name))
	}
	return expressions
}

// textOf is what the providers' ValidateConfig reads with ValueString(): "" for null or unknown.
func textOf(block map[string]tftypes.Value, name string) string {
	return stringOf(block[name]).ValueString()
}

func isNull(block map[string]tftypes.Value, name string) bool {
	value, ok := block[name]
	return !ok || value.IsNull()
}

// cfServiceInstanceConfig is cloudfoundry_service_instance's ValidateConfig, in its order and with
// its words (resource_service_instance.go:190-237); each of its first three findings ends the check.
func cfServiceInstanceConfig(block map[string]tftypes.Value) diag.Diagnostics {
	var diagnostics diag.Diagnostics
	kind := textOf(block, "type")
	switch {
	case kind == "user-provided" && !isNull(block, "service_plan"):
		diagnostics.AddAttributeError(path.Root("service_plan"), "Conflicting attribute service instance",
			"Service plan is not allowed for user-provided service instance")
	case kind == "managed" && isNull(block, "service_plan"):
		diagnostics.AddAttributeError(path.Root("service_plan"), "Missing attribute service instance",
			"Service plan is required for managed service instance")
	case !isNull(block, "parameters") && kind == "user-provided":
		diagnostics.AddAttributeError(path.Root("type"), "Parameters can only passed to service instance of type managed",
			"Parameters json object can only be passed to managed serivce instance")
	case (!isNull(block, "syslog_drain_url") || !isNull(block, "route_service_url") || !isNull(block, "credentials")) && kind == "managed":
		diagnostics.AddAttributeError(path.Root("type"), "Mistmatch attribute passed to user provided service instance",
			"Allowed attributes for serivce instance of type user provided: credentials, syslog_drain_url, route_service_url")
	}
	return diagnostics
}

// cfCredentialBindingConfig is cloudfoundry_service_credential_binding's ValidateConfig
// (resource_service_credential_binding.go:141-177); its first finding ends the check.
func cfCredentialBindingConfig(block map[string]tftypes.Value) diag.Diagnostics {
	var diagnostics diag.Diagnostics
	kind := textOf(block, "type")
	switch {
	case kind == "key" && isNull(block, "name"):
		diagnostics.AddAttributeError(path.Root("name"), "Missing attribute name", "Name is required for a service key")
	case kind == "app" && isNull(block, "app"):
		diagnostics.AddAttributeError(path.Root("app"), "Missing attribute app", "App GUID is required for app binding")
	case kind == "key" && !isNull(block, "app"):
		diagnostics.AddAttributeError(path.Root("app"), "Invalid attribute combination",
			"App GUID should only be provided for credential bindings of type app")
	}
	return diagnostics
}

// toProtocol is what the framework sends Terraform for its diagnostics (root attribute paths only:
// every carried rule is on a root attribute).
func toProtocol(diagnostics diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diagnostics))
	for _, found := range diagnostics {
		sent := &tfprotov6.Diagnostic{Severity: tfprotov6.DiagnosticSeverityError, Summary: found.Summary(), Detail: found.Detail()}
		if found.Severity() == diag.SeverityWarning {
			sent.Severity = tfprotov6.DiagnosticSeverityWarning
		}
		if withPath, ok := found.(diag.DiagnosticWithPath); ok {
			sent.Attribute = tftypes.NewAttributePath().WithAttributeName(withPath.Path().String())
		}
		out = append(out, sent)
	}
	return out
}
