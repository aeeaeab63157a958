import { describe, expect, it } from "vitest";
import { parseRoleGroups, roleForGroups } from "./role-groups";
import { grantedRoles, hasRole, highestRole } from "./roles";

describe("roles", () => {
  it("nests: an operator may read, a viewer may not act", () => {
    const viewer = { id: "u1", name: "v@x", displayName: "V", roles: grantedRoles("viewer") };
    const operator = { id: "u2", name: "o@x", displayName: "O", roles: grantedRoles("operator") };
    expect(hasRole(viewer, "viewer")).toBe(true);
    expect(hasRole(viewer, "operator")).toBe(false);
    expect(hasRole(operator, "viewer")).toBe(true);
    expect(hasRole(operator, "admin")).toBe(false);
    expect(grantedRoles("admin")).toEqual(["viewer", "operator", "admin"]);
  });

  it("picks the highest of several roles", () => {
    expect(highestRole(["viewer", "admin", "operator"])).toBe("admin");
    expect(highestRole([])).toBeNull();
  });
});

describe("SSO group mapping", () => {
  const parsed = parseRoleGroups('{"operator": ["sre-oncall", "cn=pay,ou=groups"], "admin": ["platform"], "viewer": ["eng"]}');
  if (!parsed.ok) throw new Error(parsed.message);

  it("maps groups to the highest role they grant", () => {
    expect(roleForGroups(["eng"], parsed.groups)).toBe("viewer");
    expect(roleForGroups(["eng", "sre-oncall"], parsed.groups)).toBe("operator");
    expect(roleForGroups(["cn=pay,ou=groups"], parsed.groups)).toBe("operator");
    expect(roleForGroups(["platform", "eng"], parsed.groups)).toBe("admin");
    expect(roleForGroups("sre-oncall", parsed.groups)).toBe("operator");
  });

  it("grants nothing for unmapped groups or a missing or malformed claim", () => {
    expect(roleForGroups(["marketing"], parsed.groups)).toBeNull();
    expect(roleForGroups(undefined, parsed.groups)).toBeNull();
    expect(roleForGroups([42, { group: "platform" }], parsed.groups)).toBeNull();
  });

  it("is empty when unset and names the problem in bad JSON", () => {
    expect(parseRoleGroups("")).toEqual({ ok: true, groups: new Map() });
    const notJson = parseRoleGroups("operator=sre");
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.message).toContain("is not JSON");
    expect(parseRoleGroups('{"root": ["x"]}')).toMatchObject({ ok: false });
    const notList = parseRoleGroups('{"operator": "sre"}');
    expect(notList.ok).toBe(false);
    if (!notList.ok) expect(notList.message).toContain("operator");
  });
});
