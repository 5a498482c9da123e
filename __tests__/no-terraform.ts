// Runs before any module is loaded: cdktf reads the binary's name once, at load. Pointing it at
// nothing proves that no test, and no synth, needs a Terraform binary.
process.env.TERRAFORM_BINARY_NAME = "/nonexistent/terraform";
