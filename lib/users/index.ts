import "server-only";

export { createLocalUser, disableUser, enableUser, findUserIdByEmail, listUsers, setUserPassword, setUserRole, type UserRow } from "./manage-users";
export { DisplayName, Email, NewUser, Password, RoleInput, UserId, MIN_PASSWORD } from "./user-input";
