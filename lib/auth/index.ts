export { currentOperator, getOperator, requireRole, sessionState, type SessionState } from "./operator";
export { ROLES, grantedRoles, hasRole, isRole, type Operator, type Role } from "./roles";
