export * from "./api-management-destination";
export * from "./api-management-source";
export * from "./api-portal-entitlement";
export * from "./api-portal-service-instance";
export * from "./api-portal-service-key";
export * from "./validation";
