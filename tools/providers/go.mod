// The Terraform providers the stacks pin, built from their Go modules by `npm run providers` into a
// local filesystem mirror, for machines that reach the Go module proxy but not the Terraform registry.
//
// Not here, because the Go module proxy that these machines reach refuses them (see
// docs/development.md, "Real Terraform decides"): github.com/SAP/terraform-provider-btp v1.25.0,
// github.com/hashicorp/terraform-provider-http at v3.5.0's commit, and modules that
// cloudfoundry/cloudfoundry 1.16.0 needs. For those, `npm run providers` installs the schema
// stand-in of ./schema-stand-in instead; where the registry is reachable, Terraform takes the real
// providers from there.
module btp-apim-transport-destination/tools/providers

go 1.26

tool github.com/hashicorp/terraform-provider-time

require github.com/hashicorp/terraform-plugin-go v0.26.0 // indirect

require (
	github.com/fatih/color v1.16.0 // indirect
	github.com/golang/protobuf v1.5.4 // indirect
	github.com/hashicorp/go-hclog v1.6.3 // indirect
	github.com/hashicorp/go-plugin v1.6.2 // indirect
	github.com/hashicorp/go-uuid v1.0.3 // indirect
	github.com/hashicorp/terraform-plugin-framework v1.14.1 // indirect
	github.com/hashicorp/terraform-plugin-framework-timetypes v0.5.0 // indirect
	github.com/hashicorp/terraform-plugin-framework-validators v0.17.0 // indirect
	github.com/hashicorp/terraform-plugin-log v0.9.0 // indirect
	github.com/hashicorp/terraform-provider-time v0.13.1 // indirect
	github.com/hashicorp/terraform-registry-address v0.2.4 // indirect
	github.com/hashicorp/terraform-svchost v0.1.1 // indirect
	github.com/hashicorp/yamux v0.1.1 // indirect
	github.com/mattn/go-colorable v0.1.13 // indirect
	github.com/mattn/go-isatty v0.0.20 // indirect
	github.com/mitchellh/go-testing-interface v1.14.1 // indirect
	github.com/oklog/run v1.0.0 // indirect
	github.com/vmihailenco/msgpack/v5 v5.4.1 // indirect
	github.com/vmihailenco/tagparser/v2 v2.0.0 // indirect
	golang.org/x/net v0.38.0 // indirect
	golang.org/x/sys v0.31.0 // indirect
	golang.org/x/text v0.23.0 // indirect
	google.golang.org/genproto/googleapis/rpc v0.0.0-20241015192408-796eee8c2d53 // indirect
	google.golang.org/grpc v1.69.4 // indirect
	google.golang.org/protobuf v1.36.3 // indirect
)
