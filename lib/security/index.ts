export { NONCE_HEADER, pageHeaders, type PageHeaders } from "./page-headers";
export { contentSecurityPolicy, type PolicyOptions } from "./content-security-policy";
