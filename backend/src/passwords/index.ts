export { hashPassword, spendVerifyTime, verifyPassword } from './password';
export { assertPasswordAllowed, passwordPolicyBroken } from './password-policy';
