// The package's API: the constructs, their props, the error they throw, and the rules and literals a
// stack needs beside them. Helpers stay in private/.
export * from "./api-management-connection-check";
export * from "./api-management-destination";
export * from "./api-management-source";
export * from "./api-portal-cloud-foundry-instance";
export * from "./api-portal-entitlement";
export * from "./api-portal-service-instance";
export * from "./api-portal-service-key";
export * from "./cloud-foundry-service-instance";
export * from "./cloud-foundry-service-key";
export * from "./cloud-transport-management";
export * from "./content-transport-landscape";
export * from "./content-transport-source";
export * from "./content-transport-target";
export * from "./import-block";
export * from "./name-rules";
export * from "./oauth-client-credentials-destination";
export * from "./oauth-token-check";
export * from "./role-member";
export * from "./service-references";
export * from "./terraform-literal";
export * from "./validation-error";
