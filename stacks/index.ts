export * from "./api-management-source-stack";
export * from "./app";
export * from "./backend";
export * from "./config-error";
export * from "./environment-config";
export * from "./json-document";
export * from "./output-folder";
