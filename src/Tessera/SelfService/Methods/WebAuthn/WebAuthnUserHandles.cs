// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using System.Text;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// WebAuthn user handles: 32 random bytes written as 64 lower-case hex characters (the handle is those characters'
/// bytes, within WebAuthn's 64-byte limit). Random rather than the identity id, so an authenticator's stored handle
/// reveals nothing about the account (WebAuthn §14.6.1).
/// </summary>
internal static class WebAuthnUserHandles
{
    public static byte[] New() => Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
}
