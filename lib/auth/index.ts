export { getOperator, requireRole } from "./operator";
export { ROLES, hasRole, type Operator, type Role } from "./roles";
