/** Only the person's own roles ("custom:3") can be edited or deleted; built-in ones cannot. */
export type CustomRoleRef = `custom:${number}`

export function customRef(ref: string): CustomRoleRef | null {
  return /^custom:[1-9]\d{0,14}$/.test(ref) ? (ref as CustomRoleRef) : null
}

/** The role header's Edit button, where focus goes back to after the edit form closes. */
export const EDIT_FOCUS_KEY = 'role-edit'
