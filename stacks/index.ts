export * from "./api-management-source-stack";
export * from "./app";
export * from "./backend";
export * from "./environment-config";
