// The roles someone may hand out as <option>s: never one above their own.
import { atLeast, roleLabels, roleOrder, type RoleName } from "./role-label";

export function RoleOptions({ upTo }: { upTo: RoleName | undefined }) {
  return roleOrder
    .filter((role) => atLeast(upTo, role))
    .map((role) => (
      <option key={role} value={role}>
        {roleLabels[role]}
      </option>
    ));
}
